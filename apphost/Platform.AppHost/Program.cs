using Platform.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var platform = builder.AddPlatform(
    "identitydb", "districtsdb", "residentsdb", "propertydb", "socialorgsdb", "timebankdb", "partybuildingdb", "portaldb");

var identity = platform.AddIdentity<Projects.Platform_Identity>("identity", database: "identitydb");
var residents = platform.AddService<Projects.Platform_Residents>("residents", database: "residentsdb");
var timebank = platform.AddService<Projects.Platform_TimeBank>("timebank", database: "timebankdb");
var socialOrgs = platform.AddService<Projects.Platform_SocialOrgs>("socialorgs", database: "socialorgsdb");
var property = platform.AddService<Projects.Platform_Property>("property", database: "propertydb");
var partyBuilding = platform.AddService<Projects.Platform_PartyBuilding>("partybuilding", database: "partybuildingdb");

// The services that keep a copy of the territory tree bind their queues before the districts service publishes
// the demo tree: an event published to an exchange with no queue behind it is dropped by the broker.
platform.AddService<Projects.Platform_Districts>("districts", database: "districtsdb")
    .WaitFor(identity)
    .WaitFor(residents)
    .WaitFor(timebank)
    .WaitFor(socialOrgs)
    .WaitFor(property)
    .WaitFor(partyBuilding);

// The web portal, at / on the gateway's origin, its sessions in a database of its own.
platform.AddPortal<Projects.Platform_Portal>("portal", database: "portaldb");

builder.Build().Run();

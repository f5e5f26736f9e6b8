using Platform.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var platform = builder.AddPlatform(
    "identitydb", "districtsdb", "residentsdb", "propertydb", "socialorgsdb", "timebankdb", "partybuildingdb");

platform.AddIdentity<Projects.Platform_Identity>("identity", database: "identitydb");
platform.AddService<Projects.Platform_Districts>("districts", database: "districtsdb");

builder.Build().Run();

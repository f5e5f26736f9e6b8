using Platform.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

builder.AddPlatform(
    "identitydb", "districtsdb", "residentsdb", "propertydb", "socialorgsdb", "timebankdb", "partybuildingdb");

builder.Build().Run();

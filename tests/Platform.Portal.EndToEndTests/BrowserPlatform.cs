using Platform.Portal.EndToEndTests;
using Platform.Testing.AppHost;

// One platform start for every journey: starting it is most of the suite's time.
[assembly: AssemblyFixture(typeof(BrowserPlatform))]

namespace Platform.Portal.EndToEndTests;

/// <summary>The whole platform, started once for all journeys, with the portal at its public origin.</summary>
public sealed class BrowserPlatform : RunningPlatformBase<Projects.Platform_AppHost>;

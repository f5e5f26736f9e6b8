using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.Testing;
using static Platform.Deployment.Tests.RenderedOverlay;

namespace Platform.Deployment.Tests;

/// <summary>
/// The invariants of the Kubernetes manifests (issue 17), checked on what each overlay of <c>infra/k8s</c> builds to:
/// what a cluster would receive, not the files as written.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private const string ContainerName = "app";

    // Namespaces of the operators that manage the databases and the broker; they reach their own pods only.
    private static readonly string[] OperatorNamespaces = ["cnpg-system", "rabbitmq-system"];

    private static readonly ConcurrentDictionary<string, Lazy<Task<RenderedOverlay>>> Built = new();

    public static TheoryData<string> Overlays => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Build_Overlay_ProducesTheWholePlatform(string overlay)
    {
        var rendered = await RenderAsync(overlay);

        Assert.NotEmpty(rendered.OfKind("Deployment"));
        Assert.All(rendered.Resources, resource => Assert.Equal(
            overlay == "prod" ? "gongzhi" : "gongzhi-dev",
            (string?)resource["metadata"]!["namespace"]));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Build_EveryServiceProject_HasItsDeployment(string overlay)
    {
        var rendered = await RenderAsync(overlay);

        var deployments = rendered.OfKind("Deployment").Select(Name).ToHashSet();
        Assert.Contains("gateway", deployments);
        Assert.All(ServiceNames(), service => Assert.Contains(service, deployments));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Build_EveryDeployment_ProbesHealthAndAliveWithinLimits(string overlay)
    {
        var rendered = await RenderAsync(overlay);

        Assert.All(rendered.OfKind("Deployment"), deployment =>
        {
            var container = AppContainer(deployment);
            Assert.Equal("/health", (string?)container["readinessProbe"]?["httpGet"]?["path"]);
            Assert.Equal("/alive", (string?)container["livenessProbe"]?["httpGet"]?["path"]);
            foreach (var bound in new[] { "requests", "limits" })
            {
                Assert.NotNull(container["resources"]?[bound]?["cpu"]);
                Assert.NotNull(container["resources"]?[bound]?["memory"]);
            }

            Assert.Contains(
                container["envFrom"]!.AsArray(),
                source => (string?)source!["configMapRef"]?["name"] == "platform-settings");
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Build_EveryDeployment_HasServiceDisruptionBudgetAutoscalerAndNetworkPolicy(string overlay)
    {
        var rendered = await RenderAsync(overlay);

        Assert.All(rendered.OfKind("Deployment"), deployment =>
        {
            var name = Name(deployment);
            var podLabels = deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
            Assert.Single(rendered.OfKind("Service"), service => Selects(service["spec"]!["selector"], podLabels));
            Assert.Single(rendered.OfKind("PodDisruptionBudget"), budget => Selects(budget["spec"]!["selector"]!["matchLabels"], podLabels));
            Assert.Single(rendered.OfKind("NetworkPolicy"), policy => Selects(policy["spec"]!["podSelector"]!["matchLabels"], podLabels));

            // Only a stateless deployment may scale out; one that says it keeps state in its pod runs exactly one replica.
            var autoscalers = rendered.OfKind("HorizontalPodAutoscaler").Where(hpa => (string?)hpa["spec"]!["scaleTargetRef"]!["name"] == name).ToList();
            if (deployment["metadata"]!["annotations"]?[StatefulAnnotation] is not null)
            {
                Assert.Empty(autoscalers);
                Assert.Equal(1, Number(deployment["spec"]!["replicas"]));
                return;
            }

            var autoscaler = Assert.Single(autoscalers);
            Assert.Equal("Deployment", (string?)autoscaler["spec"]!["scaleTargetRef"]!["kind"]);
            Assert.InRange(Number(autoscaler["spec"]!["minReplicas"]), 1, Number(autoscaler["spec"]!["maxReplicas"]));
        });
    }

    [Fact]
    public async Task Build_Production_RunsTwoReplicasOfEveryDeploymentAtLeast()
    {
        var rendered = await RenderAsync("prod");

        Assert.All(rendered.OfKind("HorizontalPodAutoscaler"), hpa => Assert.True(Number(hpa["spec"]!["minReplicas"]) >= 2, Name(hpa)));
        Assert.All(rendered.OfKind("PodDisruptionBudget"), budget => Assert.Equal("1", (string?)budget["spec"]!["maxUnavailable"]));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Build_Manifests_HoldNoSecretValue(string overlay)
    {
        var rendered = await RenderAsync(overlay);

        Assert.Empty(rendered.OfKind("Secret"));
        Assert.All(rendered.OfKind("ConfigMap"), map =>
            Assert.DoesNotContain(map["data"]!.AsObject(), entry => LooksSecret(entry.Key) || PasswordInline(entry.Value)));
        Assert.All(rendered.OfKind("Deployment").Select(AppContainer).SelectMany(EnvironmentOf), variable =>
        {
            var name = (string)variable["name"]!;
            if (LooksSecret(name))
            {
                Assert.Null(variable["value"]);
                Assert.NotNull(variable["valueFrom"]?["secretKeyRef"]);
            }

            Assert.False(PasswordInline(variable["value"]), $"{name} carries a password inline.");
        });
        Assert.All(rendered.OfKind("Component").SelectMany(component => component["spec"]!["metadata"]!.AsArray()), entry =>
            Assert.False(LooksSecret((string)entry!["name"]!) && entry["value"] is not null, $"{entry!["name"]} is inline."));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Build_EnvironmentReferences_NameVariablesDefinedBeforeThem(string overlay)
    {
        var rendered = await RenderAsync(overlay);

        // Kubernetes expands $(NAME) only for variables listed earlier in the same container; otherwise it stays literal.
        Assert.All(rendered.OfKind("Deployment"), deployment =>
        {
            var defined = new HashSet<string>();
            foreach (var variable in EnvironmentOf(AppContainer(deployment)))
            {
                foreach (Match reference in VariableReference().Matches((string?)variable["value"] ?? ""))
                {
                    Assert.True(defined.Contains(reference.Groups[1].Value), $"{Name(deployment)}: {variable["name"]} uses {reference.Value} before it is defined.");
                }

                defined.Add((string)variable["name"]!);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Build_EveryImage_IsPinned(string overlay)
    {
        var rendered = await RenderAsync(overlay);

        var images = rendered.OfKind("Deployment")
            .SelectMany(deployment => deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray())
            .Select(container => (string)container!["image"]!)
            .Concat(rendered.OfKind("Cluster").Select(cluster => (string)cluster["spec"]!["imageName"]!))
            .Concat(rendered.OfKind("RabbitmqCluster").Select(broker => (string)broker["spec"]!["image"]!))
            .ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.Matches(PinnedImage(), image));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Build_Exposure_OnlyTheGatewayIsReachableFromOutside(string overlay)
    {
        var rendered = await RenderAsync(overlay);

        Assert.All(rendered.OfKind("Service"), service => Assert.Contains((string?)service["spec"]!["type"], new[] { null, "ClusterIP" }));
        var backends = rendered.OfKind("Ingress")
            .SelectMany(ingress => ingress["spec"]!["rules"]!.AsArray())
            .SelectMany(rule => rule!["http"]!["paths"]!.AsArray())
            .Select(path => (string)path!["backend"]!["service"]!["name"]!)
            .Distinct();
        Assert.Equal(["gateway"], backends);

        var policies = rendered.OfKind("NetworkPolicy").ToList();
        Assert.Contains(policies, policy =>
            policy["spec"]!["podSelector"]!.AsObject().Count == 0 && policy["spec"]!["ingress"] is null
            && policy["spec"]!["policyTypes"]!.AsArray().Any(type => (string?)type == "Ingress"));
        var sources = policies.SelectMany(policy => (policy["spec"]!["ingress"]?.AsArray() ?? [])
            .SelectMany(rule => rule!["from"]!.AsArray().Select(source => (Policy: Name(policy), Source: source!))));
        Assert.All(sources, entry =>
        {
            Assert.Null(entry.Source["ipBlock"]);
            if (entry.Source["namespaceSelector"] is { } namespaces)
            {
                var allowed = entry.Policy == "gateway" ? ["ingress-nginx"] : OperatorNamespaces;
                Assert.Contains((string?)namespaces["matchLabels"]?["kubernetes.io/metadata.name"], allowed);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Build_EveryService_AcceptsTheGatewayAndItsOwnCallersOnly(string overlay)
    {
        var rendered = await RenderAsync(overlay);

        Assert.All(ServiceNames(), service =>
        {
            var policy = rendered.Find("NetworkPolicy", service);
            Assert.NotNull(policy);
            var sources = policy["spec"]!["ingress"]!.AsArray().SelectMany(rule => rule!["from"]!.AsArray()).ToList();
            Assert.Contains(sources, source => (string?)source!["podSelector"]?["matchLabels"]?["app.kubernetes.io/name"] == "gateway");
            Assert.All(sources, source =>
            {
                Assert.Null(source!["namespaceSelector"]);
                Assert.NotEmpty(source["podSelector"]!["matchLabels"]!.AsObject());
            });
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Build_EveryServiceDatabase_IsACloudNativePgClusterOnlyItsServiceReaches(string overlay)
    {
        var rendered = await RenderAsync(overlay);

        Assert.All(rendered.OfKind("Deployment"), deployment =>
        {
            foreach (var variable in EnvironmentOf(AppContainer(deployment)).Where(v => ((string)v["name"]!).StartsWith("ConnectionStrings__", StringComparison.Ordinal)))
            {
                if (DatabaseHost().Match((string?)variable["value"] ?? "") is not { Success: true } host)
                {
                    continue;
                }

                var cluster = rendered.Find("Cluster", host.Groups[1].Value);
                Assert.NotNull(cluster);
                Assert.Equal("postgresql.cnpg.io/v1", (string?)cluster["apiVersion"]);
                var policy = rendered.Find("NetworkPolicy", Name(cluster));
                Assert.NotNull(policy);
                var clients = policy["spec"]!["ingress"]!.AsArray()
                    .SelectMany(rule => rule!["from"]!.AsArray())
                    .Select(source => (string?)source!["podSelector"]?["matchLabels"]?["app.kubernetes.io/name"])
                    .OfType<string>();
                Assert.Equal([Name(deployment)], clients);
            }
        });
    }

    [Fact]
    public async Task Build_ProductionDatabases_HaveReplicasAndContinuousBackup()
    {
        var rendered = await RenderAsync("prod");

        var clusters = rendered.OfKind("Cluster").ToList();
        // One per service on the bus, and the portal's (its sessions and key ring).
        Assert.Equal(ServicesOnTheBus().Count() + 1, clusters.Count);
        var scheduled = rendered.OfKind("ScheduledBackup").Select(backup => (string?)backup["spec"]!["cluster"]!["name"]).ToHashSet();
        Assert.All(clusters, cluster =>
        {
            Assert.True(Number(cluster["spec"]!["instances"]) >= 2, $"{Name(cluster)} has no replica.");
            Assert.NotNull(cluster["spec"]!["backup"]?["barmanObjectStore"]?["destinationPath"]);
            Assert.NotNull(cluster["spec"]!["backup"]!["barmanObjectStore"]!["s3Credentials"]!["secretAccessKey"]!["name"]);
            Assert.Contains(Name(cluster), scheduled);
        });
    }

    [Fact]
    public async Task Build_ProductionBroker_IsThreeRabbitMqNodesOnQuorumQueues()
    {
        var rendered = await RenderAsync("prod");

        var broker = Assert.Single(rendered.OfKind("RabbitmqCluster"));
        Assert.Equal("rabbitmq.com/v1beta1", (string?)broker["apiVersion"]);
        Assert.Equal(3, Number(broker["spec"]!["replicas"]));
        Assert.Contains("default_queue_type = quorum", (string?)broker["spec"]!["rabbitmq"]!["additionalConfig"], StringComparison.Ordinal);
        Assert.NotNull(rendered.Find("NetworkPolicy", Name(broker)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Build_EveryService_CarriesItsDaprSidecarAndThePlatformComponents(string overlay)
    {
        var rendered = await RenderAsync(overlay);

        Assert.All(ServicesOnTheBus(), service =>
        {
            var deployment = rendered.Find("Deployment", service)!;
            var annotations = deployment["spec"]!["template"]!["metadata"]!["annotations"]!;
            Assert.Equal("true", (string?)annotations["dapr.io/enabled"]);
            Assert.Equal(service, (string?)annotations["dapr.io/app-id"]);
            Assert.Equal((string?)AppContainer(deployment)["ports"]![0]!["containerPort"], (string?)annotations["dapr.io/app-port"]);
        });
        var components = rendered.OfKind("Component").ToList();
        Assert.Contains(components, component => ((string)component["spec"]!["type"]!).StartsWith("secretstores.kubernetes", StringComparison.Ordinal));
        var integration = Assert.Single(components, component => ((string)component["spec"]!["type"]!).StartsWith("pubsub.", StringComparison.Ordinal));
        Assert.Equal(["property"], integration["spec"]!["scopes"]!.AsArray().Select(scope => (string?)scope));
    }

    /// <summary>The platform's services as the repository lays them out: <c>services/&lt;Service&gt;/Platform.&lt;Service&gt;</c>, building blocks aside.</summary>
    private static IEnumerable<string> ServiceNames() =>
        Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Path, "services"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(folder => folder != "BuildingBlocks"
                && File.Exists(Path.Combine(RepositoryRoot.Path, "services", folder, $"Platform.{folder}", $"Platform.{folder}.csproj")))
            .Select(folder => folder.ToLowerInvariant());

    /// <summary>
    /// The services built on the service host (<c>Platform.ServiceHost</c>): each with a database of its own, on the
    /// bus and with a Dapr sidecar. The portal is not one of them: it keeps only its sessions and calls the others through the gateway.
    /// </summary>
    private static IEnumerable<string> ServicesOnTheBus() =>
        ServiceNames().Where(service => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "services"), $"Platform.{service}.csproj", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive })
            .Any(project => File.ReadAllText(project).Contains("Platform.ServiceHost.csproj", StringComparison.Ordinal)));

    // Marks a deployment that keeps state in its pod and so must not scale out (none does since the portal's sessions moved to its database).
    private const string StatefulAnnotation = "gongzhi.cn/state-in-pod";

    private static Task<RenderedOverlay> RenderAsync(string overlay) =>
        Built.GetOrAdd(overlay, name => new Lazy<Task<RenderedOverlay>>(() => BuildAsync(name))).Value;

    private static JsonObject AppContainer(JsonObject deployment) =>
        deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray()
            .Single(container => (string?)container!["name"] == ContainerName)!.AsObject();

    private static IEnumerable<JsonNode> EnvironmentOf(JsonObject container) => container["env"]?.AsArray().OfType<JsonNode>() ?? [];

    private static bool Selects(JsonNode? selector, JsonObject labels) =>
        selector is JsonObject wanted && wanted.Count > 0
        && wanted.All(label => labels.TryGetPropertyValue(label.Key, out var value) && (string?)value == (string?)label.Value);

    private static bool LooksSecret(string name) => SecretName().IsMatch(name);

    private static bool PasswordInline(JsonNode? value) => value is not null && InlinePassword().IsMatch((string?)value ?? "");

    [GeneratedRegex(@"password|secret|token|(^|_)(lookup)?key$|keys__", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    // A password in a connection string or URI that is not a reference to a variable filled from a Secret.
    [GeneratedRegex(@"(password=(?!\$\()[^;]+)|(://[^:/@]+:(?!\$\()[^@]+@)", RegexOptions.IgnoreCase)]
    private static partial Regex InlinePassword();

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"Host=([a-z0-9-]+)-rw\b")]
    private static partial Regex DatabaseHost();

    // A tag other than latest, or a digest.
    [GeneratedRegex(@"^[^\s@]+(:(?!latest$)[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64})$")]
    private static partial Regex PinnedImage();
}

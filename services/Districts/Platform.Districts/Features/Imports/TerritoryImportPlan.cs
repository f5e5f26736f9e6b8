using Platform.Contracts;
using Platform.Districts.Domain;
using Platform.Domain;
using Platform.Districts.Features.Territory;
using Platform.Imports.Jobs;

namespace Platform.Districts.Features.Imports;

/// <summary>
/// Works out what a territory file changes in the district's tree, entirely in memory and through the same
/// domain rules as the API (<see cref="TerritoryNode"/>), so the file is either acceptable as a whole or
/// rejected with every bad row. Rows match existing nodes by code; a row that changes nothing is left alone,
/// nodes missing from the file are kept (retiring is a deliberate act, not a side effect of a shorter file).
/// </summary>
internal sealed class TerritoryImportPlan
{
    private readonly Dictionary<string, TerritoryNode> _byCode;
    private readonly Dictionary<Guid, TerritoryNode> _byId;
    private readonly Dictionary<Guid, List<TerritoryNode>> _children = [];
    private readonly Dictionary<Guid, Snapshot> _original = [];
    private readonly TerritoryAccess _access;
    private readonly Guid _tenantId;
    private readonly DateTimeOffset _now;
    private IReadOnlyDictionary<string, int> _rejectedCodes = new Dictionary<string, int>();

    private TerritoryImportPlan(IReadOnlyCollection<TerritoryNode> existing, TerritoryAccess access, Guid tenantId, DateTimeOffset now)
    {
        _byCode = new Dictionary<string, TerritoryNode>(existing.Count, StringComparer.Ordinal);
        _byId = new Dictionary<Guid, TerritoryNode>(existing.Count);
        foreach (var node in existing)
        {
            _byCode[node.Code] = node;
            _byId[node.Id] = node;
            _original[node.Id] = Snapshot.Of(node);
            ChildrenOf(node.ParentId).Add(node);
        }

        _access = access;
        _tenantId = tenantId;
        _now = now;
    }

    /// <summary>Rejected rows; the plan may be applied only when there are none.</summary>
    public List<ImportRowError> Errors { get; } = [];

    /// <summary>Nodes to insert.</summary>
    public List<TerritoryNode> Added { get; } = [];

    /// <summary>Existing nodes whose stored state must be overwritten (renamed, moved, re-attributed, or under a moved node).</summary>
    public List<TerritoryNode> Changed { get; } = [];

    /// <summary>The events, in the order the changes were made, so that consumers replaying them reach the same tree.</summary>
    public List<IIntegrationEvent> Events { get; } = [];

    /// <summary>Counts for the job summary.</summary>
    public Dictionary<string, int> Summary { get; } = new() { ["added"] = 0, ["renamed"] = 0, ["moved"] = 0, ["attributesChanged"] = 0, ["unchanged"] = 0 };

    /// <summary>Plans the rows of <paramref name="file"/> against the district's current tree (<paramref name="existing"/>, retired nodes included).</summary>
    public static TerritoryImportPlan Make(
        TerritoryFileContent file, IReadOnlyCollection<TerritoryNode> existing, TerritoryAccess access, Guid tenantId, DateTimeOffset now)
    {
        var plan = new TerritoryImportPlan(existing, access, tenantId, now) { _rejectedCodes = file.RejectedCodes };
        plan.Errors.AddRange(file.Errors);
        plan.Apply(file.Rows);
        return plan;
    }

    private void Apply(IReadOnlyList<TerritoryRow> rows)
    {
        var rowsByCode = new Dictionary<string, TerritoryRow>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!rowsByCode.TryAdd(row.Code, row))
            {
                Fail(row, $"Code '{row.Code}' appears again (first on line {rowsByCode[row.Code].Line}).");
            }
        }

        var accepted = new List<(TerritoryRow Row, int Depth)>(rowsByCode.Count);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rowsByCode.Values.OrderBy(r => r.Line))
        {
            if (!CheckReferences(row, rowsByCode))
            {
                continue;
            }

            if (DepthOf(row.Code, rowsByCode, depths) is { } depth)
            {
                accepted.Add((row, depth));
            }
            else
            {
                Fail(row, $"Row is part of a cycle of parent codes ({Cycle(row.Code, rowsByCode)}).");
            }
        }

        // Parents before children: each row then finds its parent already in its final place.
        foreach (var (row, _) in accepted.OrderBy(a => a.Depth).ThenBy(a => a.Row.Line))
        {
            try
            {
                ApplyRow(row, rowsByCode);
            }
            catch (DomainException rule)
            {
                Fail(row, rule.Message);
            }
        }

        Changed.AddRange(_original.Where(o => o.Value != Snapshot.Of(_byId[o.Key])).Select(o => _byId[o.Key]));
    }

    /// <summary>Whether the row's code and parent can be placed at all; reports the row otherwise.</summary>
    private bool CheckReferences(TerritoryRow row, Dictionary<string, TerritoryRow> rowsByCode)
    {
        if (_byCode.TryGetValue(row.Code, out var existing))
        {
            if (!existing.IsActive)
            {
                Fail(row, $"Code '{row.Code}' belongs to a retired node; give the new node a new code.");
                return false;
            }

            if (existing.Kind != row.Kind)
            {
                Fail(row, $"Code '{row.Code}' is a {existing.Kind.ToWire()} in the district; a node's kind cannot change.");
                return false;
            }
        }

        if (row.ParentCode is { } parentCode && !rowsByCode.ContainsKey(parentCode) && !_byCode.ContainsKey(parentCode))
        {
            Fail(row, _rejectedCodes.TryGetValue(parentCode, out var parentLine)
                ? $"Parent '{parentCode}' (line {parentLine}) was rejected, so this row cannot be placed."
                : $"Unknown parent code '{parentCode}': it is neither in the file nor in the district.");
            return false;
        }

        if (row.ParentCode == row.Code)
        {
            Fail(row, "A node cannot be its own parent.");
            return false;
        }

        return true;
    }

    /// <summary>How deep the node of <paramref name="code"/> ends up, or null when its parent chain loops.</summary>
    private int? DepthOf(string code, Dictionary<string, TerritoryRow> rowsByCode, Dictionary<string, int> depths)
    {
        var chain = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? current = code;
        var baseDepth = 0;
        while (current is not null)
        {
            if (depths.TryGetValue(current, out var known))
            {
                baseDepth = known;
                break;
            }

            if (!seen.Add(current))
            {
                return null;
            }

            chain.Add(current);
            current = ParentCodeOf(current, rowsByCode);
        }

        for (var i = chain.Count - 1; i >= 0; i--)
        {
            depths[chain[i]] = ++baseDepth;
        }

        return depths[code];
    }

    private string? ParentCodeOf(string code, Dictionary<string, TerritoryRow> rowsByCode) =>
        rowsByCode.TryGetValue(code, out var row) ? row.ParentCode
        : _byCode.TryGetValue(code, out var node) && node.ParentId is { } parentId ? _byId[parentId].Code
        : null;

    private string Cycle(string code, Dictionary<string, TerritoryRow> rowsByCode)
    {
        var path = new List<string> { code };
        for (var current = ParentCodeOf(code, rowsByCode); current is not null && path.Count < 20 && !path.Contains(current); current = ParentCodeOf(current, rowsByCode))
        {
            path.Add(current);
        }

        return string.Join(" → ", path.Append(ParentCodeOf(path[^1], rowsByCode) ?? ""));
    }

    private void ApplyRow(TerritoryRow row, Dictionary<string, TerritoryRow> rowsByCode)
    {
        TerritoryNode? parent = null;
        if (row.ParentCode is { } parentCode)
        {
            if (!_byCode.TryGetValue(parentCode, out parent))
            {
                Fail(row, $"Parent '{parentCode}' (line {rowsByCode[parentCode].Line}) was rejected, so this row cannot be placed.");
                return;
            }
        }

        if (!_byCode.TryGetValue(row.Code, out var node))
        {
            if (!_access.MayAddUnder(parent?.Path))
            {
                Fail(row, "Outside your territory: you cannot add a node there.");
                return;
            }

            node = TerritoryNode.Create(row.Kind, row.Code, row.Name, parent, _now, row.Attributes.Over(TerritoryAttributes.None));
            _byCode[node.Code] = node;
            _byId[node.Id] = node;
            ChildrenOf(node.ParentId).Add(node);
            Added.Add(node);
            Events.Add(TerritoryEvents.Added(_tenantId, node, _now));
            Summary["added"]++;
            return;
        }

        var attributes = row.Attributes.Over(node.Attributes);
        var moves = node.ParentId != parent?.Id;
        var renames = node.Name != row.Name.Trim();
        var reattributes = node.Attributes != attributes;
        if (!moves && !renames && !reattributes)
        {
            Summary["unchanged"]++;
            return;
        }

        if (!_access.MayChange(node.Path) || (moves && !_access.MayAddUnder(parent?.Path)))
        {
            Fail(row, "Outside your territory: you cannot change this node.");
            return;
        }

        if (moves)
        {
            Move(node, parent);
        }

        if (renames && node.Rename(row.Name))
        {
            Events.Add(TerritoryEvents.Renamed(_tenantId, node, _now));
            Summary["renamed"]++;
        }

        if (reattributes && node.ChangeAttributes(attributes))
        {
            Events.Add(TerritoryEvents.AttributesChanged(_tenantId, node, _now));
            Summary["attributesChanged"]++;
        }
    }

    private void Move(TerritoryNode node, TerritoryNode? parent)
    {
        var oldParentId = node.ParentId;
        var (oldPath, _) = node.MoveUnder(parent, DescendantsOf(node));
        ChildrenOf(oldParentId).Remove(node);
        ChildrenOf(node.ParentId).Add(node);
        Events.Add(TerritoryEvents.Moved(_tenantId, node, oldPath, _now));
        Summary["moved"]++;
    }

    private List<TerritoryNode> DescendantsOf(TerritoryNode node)
    {
        var descendants = new List<TerritoryNode>();
        var pending = new Stack<TerritoryNode>(ChildrenOf(node.Id));
        while (pending.TryPop(out var descendant))
        {
            descendants.Add(descendant);
            foreach (var child in ChildrenOf(descendant.Id))
            {
                pending.Push(child);
            }
        }

        return descendants;
    }

    private List<TerritoryNode> ChildrenOf(Guid? parentId)
    {
        var key = parentId ?? Guid.Empty;
        if (!_children.TryGetValue(key, out var children))
        {
            children = [];
            _children[key] = children;
        }

        return children;
    }

    private void Fail(TerritoryRow row, string reason) => Errors.Add(new ImportRowError(row.Line, reason));

    /// <summary>What is stored for a node, to tell which existing nodes the import changed.</summary>
    private sealed record Snapshot(string Name, Guid? ParentId, string Path, TerritoryAttributes Attributes)
    {
        public static Snapshot Of(TerritoryNode node) => new(node.Name, node.ParentId, node.Path, node.Attributes);
    }
}

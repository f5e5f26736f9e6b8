using Platform.Districts.Contracts;
using Platform.Imports.Tabular;
using Platform.PersonalData;
using Platform.Residents.Domain;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Imports;

/// <summary>
/// One row of a resident file as checked on its own. An optional cell left empty means "not given": a new
/// resident gets the default (no phone, no household, hukou, no tags) and an existing one keeps what the record
/// has, so a sparse export never erases data.
/// </summary>
internal sealed class ResidentRow
{
    // What people separate tags with, in either script; a comma needs quoting in a CSV.
    private static readonly char[] TagSeparators = [',', '，', '、', ';', '；', ' ', '\u3000', '\t'];

    private List<string>? _problems;

    private ResidentRow(int line) => Line = line;

    /// <summary>Where the row is in the file.</summary>
    public int Line { get; }

    public string Name { get; private set; } = "";

    public ChineseIdNumber? IdNumber { get; private set; }

    /// <summary>The ID number's lookup hash, which the row is matched to a registered resident by.</summary>
    public string? IdNumberHash { get; private set; }

    /// <summary>The phone, null when not given.</summary>
    public MobilePhone? Phone { get; private set; }

    public string? PhoneHash { get; private set; }

    public TerritoryReplicaNode? Node { get; private set; }

    /// <summary>The door number, null when not given.</summary>
    public string? Household { get; private set; }

    /// <summary>Null when not given.</summary>
    public Residence? Residence { get; private set; }

    /// <summary>The tags the file gives, without the age tags, which follow from the ID number instead.</summary>
    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>Everything wrong with the row on its own; null when nothing is.</summary>
    public IReadOnlyList<string>? Problems => _problems;

    /// <summary>
    /// Checks every cell of <paramref name="row"/>, including that its node is a live building or unit inside
    /// <paramref name="scope"/>, and hashes the ID number and phone. Thread-safe, so rows are checked on all cores.
    /// </summary>
    public static ResidentRow Check(
        TabularRow row, ImportLayout file, IReadOnlyDictionary<string, TerritoryReplicaNode> nodes, CallerScope scope, PersonalDataProtector protector, DateOnly today)
    {
        var checkedRow = new ResidentRow(row.Line);
        checkedRow.CheckCells(row, file, nodes, scope, protector, today);
        return checkedRow;
    }

    private void CheckCells(
        TabularRow row, ImportLayout file, IReadOnlyDictionary<string, TerritoryReplicaNode> nodes, CallerScope scope, PersonalDataProtector protector, DateOnly today)
    {
        var name = file.Cell(row, ResidentFile.Name);
        if (ResidentRules.NameProblem(name) is { } nameProblem)
        {
            Fail(file, ResidentFile.Name, nameProblem);
        }

        Name = name;

        if (ChineseIdNumber.TryParse(file.Cell(row, ResidentFile.IdNumber), today, out var idNumber, out var idProblem))
        {
            IdNumber = idNumber;
            IdNumberHash = protector.LookupHash(idNumber.Value);
        }
        else
        {
            Fail(file, ResidentFile.IdNumber, idProblem);
        }

        var phone = file.Cell(row, ResidentFile.Phone);
        if (phone.Length > 0)
        {
            if (MobilePhone.TryParse(phone, out var mobile, out var phoneProblem))
            {
                Phone = mobile;
                PhoneHash = protector.LookupHash(mobile.Value);
            }
            else
            {
                Fail(file, ResidentFile.Phone, phoneProblem);
            }
        }

        Node = CheckNode(file, file.Cell(row, ResidentFile.NodeCode), nodes, scope);

        var household = file.Cell(row, ResidentFile.Household);
        if (household.Length > 0)
        {
            if (Domain.Household.NumberProblem(household) is { } householdProblem)
            {
                Fail(file, ResidentFile.Household, householdProblem);
            }

            Household = household;
        }

        var residence = file.Cell(row, ResidentFile.Residence);
        if (residence.Length > 0)
        {
            if (ResidentRules.TryParseResidence(residence, out var parsed))
            {
                Residence = parsed;
            }
            else
            {
                Fail(file, ResidentFile.Residence, $"Unknown residence '{residence}'; use hukou/户籍 or resident_only/流动人口.");
            }
        }

        Tags = CheckTags(file, file.Cell(row, ResidentFile.Tags));

        if (row.Cells.Skip(file.Width).Any(cell => cell.Length > 0))
        {
            _problems ??= [];
            _problems.Add($"The row has more cells than the header ({file.Width}); quote a value that contains a comma.");
        }
    }

    private TerritoryReplicaNode? CheckNode(ImportLayout file, string code, IReadOnlyDictionary<string, TerritoryReplicaNode> nodes, CallerScope scope)
    {
        if (code.Length == 0)
        {
            Fail(file, ResidentFile.NodeCode, "The code of a building or unit is required.");
            return null;
        }

        // A node outside the uploader's area is reported like an unknown one: the file learns nothing of the rest of the district.
        if (!nodes.TryGetValue(code, out var node) || !scope.Sees(node.Path))
        {
            Fail(file, ResidentFile.NodeCode, $"No building or unit with code '{code}' in your area.");
            return null;
        }

        if (node.Kind is not (TerritoryNodeKind.Building or TerritoryNodeKind.Unit))
        {
            Fail(file, ResidentFile.NodeCode, $"'{code}' is a {node.Kind.ToString().ToLowerInvariant()}; residents live in a building or a unit.");
            return null;
        }

        if (node.Retired)
        {
            Fail(file, ResidentFile.NodeCode, $"The building or unit '{code}' is retired.");
            return null;
        }

        return node;
    }

    private string[] CheckTags(ImportLayout file, string cell)
    {
        if (cell.Length == 0)
        {
            return [];
        }

        var tags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in cell.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ResidentTags.TryParse(text, out var tag))
            {
                Fail(file, ResidentFile.Tags, $"Unknown tag '{text}'; tags are 低保 low-income, 残疾 disabled, 高龄 elderly, 未成年 minor, 优抚 special-care, 独居 living-alone.");
            }
            else if (!ResidentTags.Age.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return [.. tags];
    }

    private void Fail(ImportLayout file, ImportColumn column, string problem)
    {
        _problems ??= [];
        _problems.Add($"{file.HeaderOf(column)}: {problem}");
    }
}

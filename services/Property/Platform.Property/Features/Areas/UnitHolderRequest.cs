using Platform.Domain;
using Platform.PersonalData;
using Platform.Property.Domain.Roll;

namespace Platform.Property.Features.Areas;

/// <summary>A holder of a unit.</summary>
/// <param name="Kind"><c>person</c>, <c>company</c> or <c>developer</c>.</param>
/// <param name="Name">The person's or company's name.</param>
/// <param name="IdNumber">A person's 身份证号; null for a company or the developer.</param>
/// <param name="CreditCode">A company's or the developer's 统一社会信用代码; null for a person.</param>
/// <param name="ResidentId">A person's resident record, optional.</param>
public sealed record UnitHolderRequest(string? Kind, string? Name, string? IdNumber, string? CreditCode, Guid? ResidentId = null)
{
    /// <summary>What is wrong with this holder, by the field's name (camel case), or nothing.</summary>
    public IEnumerable<(string Field, string Problem)> Problems(DateOnly today)
    {
        if (!WireNames.TryParse<HolderKind>(Kind, out var kind))
        {
            yield return ("kind", WireNames.Expected<HolderKind>());
            yield break;
        }

        if (UnitHolder.NameProblem(Name) is { } nameProblem)
        {
            yield return ("name", nameProblem);
        }

        if (kind == HolderKind.Person)
        {
            if (!ChineseIdNumber.TryParse(IdNumber, today, out _, out var idProblem))
            {
                yield return ("idNumber", idProblem);
            }

            if (CreditCode is not null)
            {
                yield return ("creditCode", "A person has no credit code.");
            }
        }
        else
        {
            if (!UnifiedSocialCreditCode.TryParse(CreditCode, out _, out var codeProblem))
            {
                yield return ("creditCode", codeProblem);
            }

            if (IdNumber is not null || ResidentId is not null)
            {
                yield return ("idNumber", "Only a person has an ID number and a resident record.");
            }
        }
    }

    /// <summary>The holder of a request its validation has accepted.</summary>
    public UnitHolder ToHolder(DateOnly today, PersonalDataProtector protector)
    {
        var kind = WireNames.Parse<HolderKind>(Kind!);
        if (kind == HolderKind.Person)
        {
            return ChineseIdNumber.TryParse(IdNumber, today, out var idNumber, out var problem)
                ? UnitHolder.Person(Name!, idNumber, protector, ResidentId)
                : throw new InvalidOperationException($"The request's validation let a malformed ID number through: {problem}");
        }

        var creditCode = UnifiedSocialCreditCode.TryParse(CreditCode, out var code, out var codeProblem)
            ? code
            : throw new InvalidOperationException($"The request's validation let a malformed credit code through: {codeProblem}");
        return kind == HolderKind.Company ? UnitHolder.Company(Name!, creditCode) : UnitHolder.Developer(Name!, creditCode);
    }
}

using TestResult = NetArchTest.Rules.TestResult;

namespace Platform.ArchitectureTests;

/// <summary>Turns NetArchTest results into lines a reader can act on.</summary>
internal static class Rules
{
    /// <summary>
    /// The types that break a rule, each with why (NetArchTest's explanation names the dependency). A rule that
    /// selected no type at all is reported too: it would pass whatever the code did.
    /// </summary>
    public static IEnumerable<string> Violations(TestResult result, string rule)
    {
        if (!result.SelectedTypesForTesting.Any())
        {
            return [$"{rule}: no type was selected, so the rule checks nothing"];
        }

        return result.IsSuccessful ? [] : result.FailingTypes.Select(type => $"{rule}: {type.FullName} {type.Explanation}".TrimEnd());
    }

    /// <summary>Fails with every violation on a line of its own (xunit would shorten a collection's items).</summary>
    public static void AssertNone(IEnumerable<string> violations)
    {
        var lines = violations.ToList();
        Assert.True(lines.Count == 0, string.Join(Environment.NewLine, lines));
    }
}

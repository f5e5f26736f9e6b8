using System.Text.Json;
using Bunit;
using Platform.Portal.Api;
using Platform.Portal.Components.Shared;

namespace Platform.Portal.Tests;

/// <summary>
/// An API's problem details, as a form shows them: each field's Chinese message next to it, the rest above the form;
/// the API's English words only where the portal has no text of its own for the field.
/// </summary>
public sealed class ProblemFieldsTests : PortalComponentTests
{
    private static ApiProblem Problem(string json, int status = 400) => GatewayApi.ToProblem(status, JsonDocument.Parse(json).RootElement);

    private const string OnboardingRefused = """
        {"status":400,"code":"validation_failed","title":"The request is not valid",
         "errors":{"departments":["whistle needs the departments summoned."],"score":["A score from 1 to 5.","Out of range."],"tags[0]":["Unknown tag."]}}
        """;

    [Fact]
    public void Render_ProblemNamingAKnownField_ShowsItsChineseMessageOnceUnderTheId()
    {
        var field = Render<FieldProblem>(p => p.Add(c => c.Problem, Problem(OnboardingRefused)).Add(c => c.Field, "score"));

        var shown = field.Find("#problem-score");
        Assert.Equal("alert", shown.GetAttribute("role"));
        Assert.Equal(["请打分：1 到 5 分。"], shown.Children.Select(c => c.TextContent));
    }

    [Fact]
    public void Render_ProblemNamingAFieldWithoutChineseText_ShowsTheApiWordsInAChineseSentence()
    {
        var field = Render<FieldProblem>(p => p.Add(c => c.Problem, Problem(OnboardingRefused)).Add(c => c.Field, "tags"));

        Assert.Equal(["此项填写有误（Unknown tag.）"], field.Find("#problem-tags").Children.Select(c => c.TextContent));
    }

    [Fact]
    public void Render_ProblemNamingOtherFields_ShowsNothing()
    {
        var field = Render<FieldProblem>(p => p.Add(c => c.Problem, Problem(OnboardingRefused)).Add(c => c.Field, "name"));

        Assert.Empty(field.Markup.Trim());
    }

    [Fact]
    public void Render_FieldNamedInAnotherCase_MatchesAsTheWireNameIsTheSame()
    {
        var field = Render<FieldProblem>(p => p.Add(c => c.Problem, Problem(OnboardingRefused)).Add(c => c.Field, "Departments"));

        Assert.Contains("请填写要召集的部门", field.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ProblemOnAnElementOfAList_ShowsUnderTheList()
    {
        var field = Render<FieldProblem>(p => p.Add(c => c.Problem, Problem(OnboardingRefused)).Add(c => c.Field, "tags"));

        Assert.Contains("Unknown tag.", field.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("请打分", field.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FormWithoutAnInputForAField_ShowsThatFieldsMessageAboveTheForm()
    {
        var form = Render<FormProblem>(p => p.Add(c => c.Problem, Problem(OnboardingRefused)).Add(c => c.Fields, ["departments", "tags"]));

        var text = form.Find(".form-problem").TextContent;
        Assert.Contains("提交的内容有误", text, StringComparison.Ordinal);
        Assert.Contains("请打分：1 到 5 分。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("召集的部门", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unknown tag.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(409, """{"code":"demands.transition_not_allowed"}""", "demands.transition_not_allowed", "当前状态下不能执行此操作。")]
    [InlineData(403, """{"code":"tenant_suspended"}""", "tenant_suspended", "该区已暂停使用平台。")]
    [InlineData(502, """[1,2]""", "http_502", "服务暂时出错，请稍后再试。")]
    public void ToProblem_ByCodeOrElseStatus_GivesTheChineseMessage(int status, string body, string code, string message)
    {
        var problem = Problem(body, status);

        Assert.Equal(code, problem.Code);
        Assert.Equal(message, problem.Message);
        Assert.Empty(problem.Fields);
    }
}

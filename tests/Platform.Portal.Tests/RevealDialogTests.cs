using Bunit;
using Platform.Portal.Api;
using Platform.Portal.Components.Residents;

namespace Platform.Portal.Tests;

/// <summary>A resident's data is shown in clear only after the dialog has been given a reason.</summary>
public sealed class RevealDialogTests : PortalComponentTests
{
    private readonly List<string> _confirmed = [];
    private bool? _openChangedTo;

    // The dialog lives on an interactive page (the resident's card).
    public RevealDialogTests() => SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

    private IRenderedComponent<RevealDialog> Open(ApiProblem? problem = null) => Render<RevealDialog>(p => p
        .Add(c => c.Open, true)
        .Add(c => c.ResidentName, "王秀英")
        .Add(c => c.Problem, problem)
        .Add(c => c.OnConfirm, reason => _confirmed.Add(reason))
        .Add(c => c.OpenChanged, open => _openChangedTo = open));

    private static AngleSharp.Dom.IElement ConfirmButton(IRenderedComponent<RevealDialog> dialog) =>
        dialog.FindAll("button").Single(b => b.TextContent == "确认查看");

    [Fact]
    public void Render_Closed_ShowsNothing()
    {
        var dialog = Render<RevealDialog>(p => p.Add(c => c.Open, false).Add(c => c.ResidentName, "王秀英"));

        Assert.Empty(dialog.FindAll("dialog"));
    }

    [Fact]
    public void Confirm_WithoutAReason_IsNotPossible()
    {
        var dialog = Open();
        dialog.Find("#reveal-reason").Input("   ");

        Assert.True(ConfirmButton(dialog).HasAttribute("disabled"));
        ConfirmButton(dialog).Click();
        Assert.Empty(_confirmed);
    }

    [Fact]
    public void Confirm_WithAReason_HandsOnTheTrimmedReason()
    {
        var dialog = Open();
        dialog.Find("#reveal-reason").Input("  低保复核  ");

        ConfirmButton(dialog).Click();

        Assert.Equal(["低保复核"], _confirmed);
    }

    [Fact]
    public void Render_RefusedReason_ShowsTheMessageUnderTheReasonBox()
    {
        var problem = GatewayApi.ToProblem(400, System.Text.Json.JsonDocument.Parse("""{"code":"validation_failed","errors":{"reason":["At most 500 characters."]}}""").RootElement);

        var dialog = Open(problem);

        Assert.Equal("请填写原因。", dialog.Find("#problem-reason").TextContent.Trim());
        Assert.Equal("problem-reason", dialog.Find("#reveal-reason").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void Render_RefusalOfTheRead_ShowsItsChineseMessageInTheDialog()
    {
        var problem = GatewayApi.ToProblem(403, System.Text.Json.JsonDocument.Parse("""{"code":"personal_data.reveal_forbidden"}""").RootElement);

        var dialog = Open(problem);

        Assert.Contains("只能查看打码后的个人信息", dialog.Find("dialog [role=alert]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancel_ClosesTheDialogWithoutAskingForTheData()
    {
        var dialog = Open();
        dialog.Find("#reveal-reason").Input("低保复核");

        dialog.FindAll("button").Single(b => b.TextContent == "取消").Click();

        Assert.False(_openChangedTo);
        Assert.Empty(_confirmed);
    }
}

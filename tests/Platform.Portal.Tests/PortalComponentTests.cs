using AntDesign.JsInterop;
using Bunit;
using Platform.Portal.Ui;

namespace Platform.Portal.Tests;

/// <summary>
/// A bUnit context with the portal's UI kit registered as the portal registers it (zh-CN). Ant Design's components
/// measure themselves through JavaScript after rendering; here every such call answers an empty element, as a
/// statically rendered page, which never calls them, would not notice.
/// </summary>
public abstract class PortalComponentTests : BunitContext
{
    protected PortalComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<HtmlElement>(_ => true).SetResult(new HtmlElement());
        Services.AddPortalUiKit();
    }
}

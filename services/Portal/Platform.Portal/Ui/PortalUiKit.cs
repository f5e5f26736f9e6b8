using System.Globalization;
using AntDesign;

namespace Platform.Portal.Ui;

/// <summary>Ant Design Blazor, speaking Simplified Chinese whatever the server's or the browser's language.</summary>
public static class PortalUiKit
{
    /// <summary>The portal's one language.</summary>
    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>Registers the UI kit with its zh-CN texts (empty lists, pagers, dialogs' buttons).</summary>
    public static IServiceCollection AddPortalUiKit(this IServiceCollection services)
    {
        LocaleProvider.SetLocale(Chinese.Name);
        return services.AddAntDesign();
    }
}

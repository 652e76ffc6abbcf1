using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace GiBot.Overview.Dashboard;

/// <summary>HTML escaping that leaves Chinese text readable in the page source (only markup characters are escaped).</summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);
}

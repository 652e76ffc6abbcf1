using System.Text;
using System.Xml;

namespace GiBot.Overview.Export;

/// <summary>Text a spreadsheet's XML can carry.</summary>
public static class XmlText
{
    /// <summary>Text without the characters XML 1.0 cannot hold (a Word line break \v or a form feed \f becomes a line break).</summary>
    public static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
            else if (text[i] is '\v' or '\f')
            {
                safe.Append('\n');
            }
        }
        return safe.ToString();
    }
}

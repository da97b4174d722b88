using System.Text;
using System.Text.Encodings.Web;

namespace PosSlot.Fleet.Web.Pages;

/// <summary>Page scaffolding; every text from the store goes through <see cref="E"/>.</summary>
public static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static void Open(StringBuilder b, string title)
    {
        b.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title))
         .Append("</title><meta name=\"viewport\" content=\"width=device-width\"><link rel=\"stylesheet\" href=\"/assets/site.css\"></head><body>");
    }

    public static void Close(StringBuilder b) => b.Append("<script src=\"/assets/dispatch.js\"></script></body></html>");
}

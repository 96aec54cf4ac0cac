using QRCoder;

namespace Portal.Web.Components;

/// <summary>A QR code as inline SVG, drawn in the browser (the secret never leaves the page for an image service).</summary>
public static class QrCode
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}

using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="CorsPolicy"/>: methods are tokens, maxAge is positive.</summary>
internal sealed class CorsPolicyValidator : ModelValidator<CorsPolicy>
{
    public static readonly CorsPolicyValidator Instance = new();

    protected override void Check(CorsPolicy item, Reporter report)
    {
        report.Positive(nameof(CorsPolicy.MaxAge), item.MaxAge, "The CORS max age");
        for (var i = 0; i < item.AllowMethods.Count; i++)
        {
            report.HttpMethod($"AllowMethods[{i}]", item.AllowMethods[i]);
        }
        for (var i = 0; i < item.AllowOrigins.Count; i++)
        {
            if (string.IsNullOrEmpty(item.AllowOrigins[i]))
            {
                report.Error($"AllowOrigins[{i}]", DiagnosticCodes.MissingRequired, "An allowed origin must not be empty.");
            }
        }
    }
}

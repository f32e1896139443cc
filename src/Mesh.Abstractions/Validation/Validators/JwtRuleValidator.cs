using System.Text.Json;
using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates a <see cref="JwtRule"/>: an issuer, at most one key set, an http(s) JWKS URI or a JSON key set, a positive
/// fetch timeout, non-empty audiences and token locations, and output headers that are header names.
/// </summary>
internal sealed class JwtRuleValidator : ModelValidator<JwtRule>
{
    public static readonly JwtRuleValidator Instance = new();

    protected override void Check(JwtRule rule, Reporter report)
    {
        if (string.IsNullOrEmpty(rule.Issuer)) Invalid(report, "Issuer", "A JWT rule needs the issuer of the tokens it verifies.");
        if (rule.JwksUri is not null && rule.Jwks is not null)
        {
            Invalid(report, "Jwks", "Give the issuer's key set by URI or inline, not both.");
        }
        if (rule.JwksUri is { } uri && !(Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp) && uri.Length <= 2048))
        {
            Invalid(report, "JwksUri", $"'{uri}' is not an http:// or https:// URL (of at most 2048 characters).");
        }
        if (rule.Jwks is { } jwks && !IsKeySet(jwks))
        {
            Invalid(report, "Jwks", "An inline key set is a JSON object with a 'keys' array (RFC 7517).");
        }
        report.Positive("JwksTimeout", rule.JwksTimeout, "A JWKS fetch timeout");
        Texts(report, "Audiences", rule.Audiences, "An audience");
        Texts(report, "FromParams", rule.FromParams, "A query parameter name");
        Texts(report, "FromCookies", rule.FromCookies, "A cookie name");
        for (var i = 0; i < rule.FromHeaders.Count; i++)
        {
            if (rule.FromHeaders[i] is not { } header) Invalid(report, $"FromHeaders[{i}]", "A token header cannot be null.");
            else if (!Syntax.IsHeaderName(header.Name)) Invalid(report, $"FromHeaders[{i}].Name", $"'{header.Name}' is not a header name.");
        }
        for (var i = 0; i < rule.OutputClaimToHeaders.Count; i++)
        {
            if (rule.OutputClaimToHeaders[i] is not { } output)
            {
                Invalid(report, $"OutputClaimToHeaders[{i}]", "A claim header cannot be null.");
                continue;
            }
            if (!IsOutputHeader(output.Header)) Invalid(report, $"OutputClaimToHeaders[{i}].Header", $"'{output.Header}' is not a header a claim can be written to (letters, digits, '-' and '_').");
            if (string.IsNullOrEmpty(output.Claim)) Invalid(report, $"OutputClaimToHeaders[{i}].Claim", "A claim header needs the claim it copies.");
        }
        if (rule.OutputPayloadToHeader is { } payload && !Syntax.IsHeaderName(payload))
        {
            Invalid(report, "OutputPayloadToHeader", $"'{payload}' is not a header name.");
        }
    }

    private static void Texts(Reporter report, string path, EquatableArray<string> items, string what)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrEmpty(items[i])) Invalid(report, $"{path}[{i}]", $"{what} cannot be empty.");
        }
    }

    private static bool IsOutputHeader(string? header) =>
        !string.IsNullOrEmpty(header) && header.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool IsKeySet(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("keys", out var keys)
                && keys.ValueKind == JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Invalid(Reporter report, string path, string message) => RequestAuthenticationValidator.Invalid(report, path, message);
}

using FluentValidation;
using FluentValidation.Results;
using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>
/// Reports failures relative to the record being validated: the property name is appended to FluentValidation's
/// property chain, and the failure carries the diagnostic code and severity.
/// </summary>
internal readonly struct Reporter(IValidationContext context, Action<ValidationFailure> add)
{
    /// <summary>The validation context (for the model-wide index).</summary>
    public IValidationContext Context => context;

    public void Error(string property, DiagnosticCode code, string message) => Add(property, code, message, Severity.Error);

    public void Warning(string property, DiagnosticCode code, string message) => Add(property, code, message, Severity.Warning);

    private void Add(string property, DiagnosticCode code, string message, Severity severity)
    {
        // The failure is added directly: AddFailure(string, string) would treat braces in regexes as placeholders.
        add(new ValidationFailure(context.PropertyChain.BuildPropertyPath(property), message)
        {
            ErrorCode = code.Value,
            Severity = severity,
        });
    }

    public void Required(string property, object? value, string what)
    {
        if (value is null) Error(property, DiagnosticCodes.MissingRequired, $"{what} is required.");
    }

    public void NoNullItems<TItem>(string property, EquatableArray<TItem> items, string what)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null) Error($"{property}[{i}]", DiagnosticCodes.MissingRequired, $"{what} must not be null.");
        }
    }

    public void DnsLabel(string property, string? value, string what)
    {
        if (value is null)
        {
            Error(property, DiagnosticCodes.MissingRequired, $"{what} is required.");
        }
        else if (!Syntax.IsDnsLabel(value))
        {
            Error(property, DiagnosticCodes.InvalidName, $"{what} '{value}' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most {DnsNames.MaxLabelLength} characters).");
        }
    }

    /// <summary>Checks a label map (a selector or a subset's labels): keys and values in Kubernetes label syntax.</summary>
    public void Labels(string property, EquatableMap<string> labels, string what)
    {
        foreach (var (key, value) in labels)
        {
            if (!KubernetesNames.IsLabelKey(key))
            {
                Error(property, DiagnosticCodes.InvalidName, $"{what} key '{key}' is not a Kubernetes label key (an optional DNS-subdomain prefix and '/', then at most {KubernetesNames.MaxLabelLength} letters, digits, '-', '_' or '.', starting and ending with a letter or digit).");
            }
            else if (!KubernetesNames.IsLabelValue(value))
            {
                Error(property, DiagnosticCodes.InvalidName, $"{what} '{key}' has the value '{value}', which is not a Kubernetes label value (at most {KubernetesNames.MaxLabelLength} letters, digits, '-', '_' or '.', starting and ending with a letter or digit).");
            }
        }
    }

    public void Port(string property, int? port, string what)
    {
        if (port is { } p && p is < 1 or > 65535)
        {
            Error(property, DiagnosticCodes.PortOutOfRange, $"{what} {p} is outside 1–65535.");
        }
    }

    public void Positive(string property, TimeSpan? duration, string what)
    {
        if (duration is { } d && d <= TimeSpan.Zero)
        {
            Error(property, DiagnosticCodes.NonPositiveDuration, $"{what} must be positive, not {d}.");
        }
    }

    public void Percentage(string property, decimal? value, string what)
    {
        if (value is { } v && v is < 0m or > 100m)
        {
            // Invariant: a decimal in the current culture could read "12,5".
            Error(property, DiagnosticCodes.PercentageOutOfRange, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{what} {v} is outside 0–100."));
        }
    }

    public void PositiveLimit(string property, int? value, string what, int minimum = 1)
    {
        if (value is { } v && v < minimum)
        {
            var rule = minimum == 1 ? "positive" : $"at least {minimum}";
            Error(property, DiagnosticCodes.NonPositiveLimit, $"{what} must be {rule}, not {v}.");
        }
    }

    public void Enum<TEnum>(string property, TEnum value) where TEnum : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value))
        {
            Error(property, DiagnosticCodes.UnknownEnumValue, $"{value} is not a known {typeof(TEnum).Name}; expected one of {string.Join(", ", WireNames.All<TEnum>())}.");
        }
    }

    public void Regex(string property, string? pattern)
    {
        if (pattern is null) return;
        if (Re2.Check(pattern) is { } problem)
        {
            Error(property, problem.Code, $"The regex '{pattern}' cannot be used: {problem.Message} (at offset {problem.Offset}).");
        }
    }

    public void HttpMethod(string property, string? method)
    {
        if (method is not null && !Syntax.IsHttpMethod(method))
        {
            Error(property, DiagnosticCodes.InvalidHttpMethod, $"'{method}' is not an HTTP method: expected an upper-case token such as GET.");
        }
    }

    /// <summary>A service reference must exist; its subset and port too.</summary>
    public void Reference(string prefix, ServiceRef service, string? subset, int? port, string what, string serviceProperty = "Service")
    {
        var index = ValidationIndex.Of(context);
        if (service.Name is null || service.Namespace is null)
        {
            Error(prefix + serviceProperty, DiagnosticCodes.MissingRequired, $"The {what} service reference is required (name.namespace).");
            return;
        }
        if (index is null) return;
        if (!index.HasService(service))
        {
            Error(prefix + serviceProperty, DiagnosticCodes.DanglingService, $"The {what} refers to service '{service}', which is not declared in spec.services or spec.externalServices.");
            return;
        }
        if (subset is not null && !index.HasSubset(service, subset))
        {
            Error(prefix + "Subset", DiagnosticCodes.DanglingSubset, $"The {what} refers to subset '{subset}', which service '{service}' does not declare.");
        }
        if (port is { } p and >= 1 and <= 65535 && !index.HasPort(service, p))
        {
            Error(prefix + "Port", DiagnosticCodes.DanglingPort, $"The {what} refers to port {p}, which service '{service}' does not declare.");
        }
    }
}

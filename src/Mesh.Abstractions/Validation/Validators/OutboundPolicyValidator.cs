using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates an <see cref="OutboundPolicy"/>: its namespace, its mode, and each host entry as <c>namespace/host</c> — the
/// namespace a DNS label, <c>.</c> or <c>*</c>, the host <c>*</c> or a host name (a leading <c>*.</c> allowed).
/// </summary>
internal sealed class OutboundPolicyValidator : ModelValidator<OutboundPolicy>
{
    public static readonly OutboundPolicyValidator Instance = new();

    protected override void Check(OutboundPolicy item, Reporter report)
    {
        if (item.Namespace is not null) report.DnsLabel(nameof(OutboundPolicy.Namespace), item.Namespace, "The outbound policy's namespace");
        report.Enum(nameof(OutboundPolicy.Mode), item.Mode);
        for (var i = 0; i < item.Hosts.Count; i++)
        {
            if (Problem(item.Hosts[i]) is { } problem)
            {
                report.Error($"{nameof(OutboundPolicy.Hosts)}[{i}]", DiagnosticCodes.InvalidOutbound, problem);
            }
        }
    }

    /// <summary>What is wrong with a host entry, or null when it is <c>namespace/host</c> (the one syntax check, shared with <see cref="OutboundPolicy.IsHostEntry"/>).</summary>
    internal static string? Problem(string? entry)
    {
        if (string.IsNullOrEmpty(entry)) return "A host entry cannot be empty: write namespace/host (./*, payments/*, */api.example.com).";
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return $"'{entry}' names no namespace: write namespace/host ('*/{entry}' for any namespace, './{entry}' for the workloads' own).";
        var ns = entry[..slash];
        var host = entry[(slash + 1)..];
        if (ns is not ("*" or ".") && !DnsNames.IsDnsLabel(ns)) return $"'{ns}' in '{entry}' is not a namespace: a DNS label, '.' (the workloads' own) or '*' (any).";
        if (host != "*" && !Syntax.IsHostName(host)) return $"'{host}' in '{entry}' is not a host: '*', a DNS name, or one whose first label is '*'.";
        return null;
    }
}

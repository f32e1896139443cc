using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>Fault injection ↔ <c>HTTPFaultInjection</c>: a fixed delay and an HTTP-status abort, each with its percentage.</summary>
internal static class FaultMapping
{
    /// <summary>The fault, or null when it injects nothing.</summary>
    public static HttpFaultInjection? ToIstio(FaultInjection fault)
    {
        if (fault.Delay is null && fault.Abort is null) return null;
        return new HttpFaultInjection
        {
            Delay = fault.Delay is { } d ? new FaultDelaySpec { FixedDelay = DurationMapping.ToIstio(d.Duration), Percentage = PercentMapping.ToIstio(d.Percentage) } : null,
            Abort = fault.Abort is { } a ? new FaultAbortSpec { HttpStatus = a.HttpStatus, Percentage = PercentMapping.ToIstio(a.Percentage) } : null,
        };
    }

    public static FaultInjection? ToModel(HttpFaultInjection fault, string source, string path, IstioImportContext ctx)
    {
        FaultDelay? delay = null;
        if (fault.Delay is { } d)
        {
            if (DurationMapping.ToModel(d.FixedDelay, source, $"{path}.delay.fixedDelay", ctx) is { } duration) delay = new FaultDelay { Duration = duration, Percentage = PercentMapping.ToModel(d.Percentage, source, $"{path}.delay.percentage", ctx) };
            else if (d.FixedDelay is null) ctx.NotImported(source, $"{path}.delay", "Only fixed delays are in the model; this delay was not imported.");
        }
        FaultAbort? abort = null;
        if (fault.Abort is { } a)
        {
            if (a.HttpStatus is { } status) abort = new FaultAbort { HttpStatus = status, Percentage = PercentMapping.ToModel(a.Percentage, source, $"{path}.abort.percentage", ctx) };
            else ctx.NotImported(source, $"{path}.abort", "Only HTTP-status aborts are in the model; this abort was not imported.");
        }
        return delay is null && abort is null ? null : new FaultInjection { Delay = delay, Abort = abort };
    }
}

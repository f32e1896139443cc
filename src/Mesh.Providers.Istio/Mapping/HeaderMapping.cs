using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>Request and response header set/add/remove ↔ <c>headers.request</c> / <c>headers.response</c>; empty operations are left out.</summary>
internal static class HeaderMapping
{
    /// <summary>The <c>headers</c> of a rule, or null when neither direction changes a header.</summary>
    public static Headers? ToIstio(HeaderModifier? request, HeaderModifier? response)
    {
        var requestOps = ToIstio(request);
        var responseOps = ToIstio(response);
        return requestOps is null && responseOps is null ? null : new Headers { Request = requestOps, Response = responseOps };
    }

    private static HeaderOperations? ToIstio(HeaderModifier? modifier)
    {
        if (modifier is null) return null;
        var ops = new HeaderOperations
        {
            Set = Lists.OrNull(modifier.Set),
            Add = Lists.OrNull(modifier.Add),
            Remove = Lists.OrNull(modifier.Remove),
        };
        return ops.Set is null && ops.Add is null && ops.Remove is null ? null : ops;
    }

    public static HeaderModifier? ToModel(HeaderOperations? ops) => ops is null ? null : new HeaderModifier
    {
        Set = (ops.Set ?? []).Where(e => e.Value is not null).ToEquatableMap(),
        Add = (ops.Add ?? []).Where(e => e.Value is not null).ToEquatableMap(),
        Remove = [.. (ops.Remove ?? []).Where(h => h is not null)],
    };
}

using Mesh.Diagnostics;
using Mesh.Kubernetes;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// An information that an input was imported in another form (a Retry as the retry policy of a route of its own, TrafficTargets
/// of one destination as a union): the kit's context has no note of its own, so the located not-imported information it raises is
/// re-coded as a translation note.
/// </summary>
internal static class ImportNotes
{
    public static void Note(ImportContext ctx, string source, string path, string message)
    {
        ctx.NotImportedInfo(source, path, message);
        ctx.Diagnostics[^1] = ctx.Diagnostics[^1] with { Code = DiagnosticCodes.TranslationNote };
    }
}

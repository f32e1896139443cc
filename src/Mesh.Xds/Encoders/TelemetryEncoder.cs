using Mesh.Model;
using Mesh.Xds.EnvoyApi;
using Mesh.Xds.Planning;
using Mesh.Xds.Wire;

namespace Mesh.Xds.Encoders;

/// <summary>
/// Writes a connection manager's <c>tracing</c> (random sampling, custom tags) and <c>access_log</c> (a file access log to
/// standard output), after its HTTP filters: the fields come in number order, as protobuf serializers write them.
/// </summary>
internal static class TelemetryEncoder
{
    public static void Write<TSink>(ref TSink s, TelemetryPlan? telemetry) where TSink : IProtoSink, allows ref struct
    {
        if (telemetry is null) return;
        if (telemetry.Tracing)
        {
            s.Begin(HttpConnectionManagerFields.Tracing);
            if (telemetry.Sampling is { } sampling)
            {
                s.Begin(HcmTracingFields.RandomSampling);
                s.Double(PercentFields.Value, (double)sampling);
                s.End();
            }
            foreach (var tag in telemetry.Tags)
            {
                s.Begin(HcmTracingFields.CustomTags);
                s.String(CustomTagFields.Tag, tag.Name);
                s.Begin(tag.Source switch { TracingTagSource.Header => CustomTagFields.RequestHeader, TracingTagSource.Environment => CustomTagFields.Environment, _ => CustomTagFields.Literal });
                // Literal.value, Environment.name and Header.name are all field 1; the defaults are field 2.
                s.String(tag.Source == TracingTagSource.Literal ? CustomTagLiteralFields.Value : CustomTagHeaderFields.Name, tag.Value);
                if (tag.Default is { } fallback) s.String(CustomTagHeaderFields.DefaultValue, fallback);
                s.End();
                s.End();
            }
            s.End();
        }
        if (telemetry.AccessLog)
        {
            s.Begin(HttpConnectionManagerFields.AccessLog);
            s.Utf8(AccessLogFields.Name, "envoy.access_loggers.file"u8);
            Fields.BeginAny(ref s, AccessLogFields.TypedConfig, TypeUrlBytes.FileAccessLog);
            s.Utf8(FileAccessLogFields.Path, "/dev/stdout"u8);
            Fields.EndAny(ref s);
            s.End();
        }
    }
}

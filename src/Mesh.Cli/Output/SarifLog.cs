using System.Text.Json.Serialization;

namespace Mesh.Cli.Output;

// The part of SARIF 2.1.0 (OASIS) that `mesh check --format sarif` writes: one run, its tool and rules, its results, and the
// rules' own problems as tool execution notifications. Written through source-generated metadata (SarifJsonContext).

/// <summary>The log: <c>$schema</c>, <c>version</c> 2.1.0, <c>runs</c>.</summary>
internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("runs")] IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(
    [property: JsonPropertyName("tool")] SarifTool Tool,
    [property: JsonPropertyName("invocations")] IReadOnlyList<SarifInvocation> Invocations,
    [property: JsonPropertyName("results")] IReadOnlyList<SarifResult> Results);

internal sealed record SarifTool([property: JsonPropertyName("driver")] SarifDriver Driver);

internal sealed record SarifDriver(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("semanticVersion")] string? SemanticVersion,
    [property: JsonPropertyName("informationUri")] string InformationUri,
    [property: JsonPropertyName("rules")] IReadOnlyList<SarifRule> Rules);

internal sealed record SarifRule(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("shortDescription")] SarifMessage ShortDescription,
    [property: JsonPropertyName("defaultConfiguration")] SarifConfiguration DefaultConfiguration,
    [property: JsonPropertyName("properties")] SarifRuleProperties Properties);

internal sealed record SarifRuleProperties([property: JsonPropertyName("builtIn")] bool BuiltIn);

internal sealed record SarifConfiguration([property: JsonPropertyName("level")] string Level);

internal sealed record SarifMessage([property: JsonPropertyName("text")] string Text);

internal sealed record SarifResult(
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("ruleIndex")] int RuleIndex,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("message")] SarifMessage Message,
    [property: JsonPropertyName("locations")] IReadOnlyList<SarifLocation> Locations,
    [property: JsonPropertyName("suppressions")] IReadOnlyList<SarifSuppression>? Suppressions = null);

/// <summary>Why a result is not a finding: a rule's exemption (<c>kind: external</c>, accepted, with its reason).</summary>
internal sealed record SarifSuppression(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("justification")] string? Justification);

internal sealed record SarifLocation(
    [property: JsonPropertyName("physicalLocation")] SarifPhysicalLocation? PhysicalLocation,
    [property: JsonPropertyName("logicalLocations")] IReadOnlyList<SarifLogicalLocation> LogicalLocations);

internal sealed record SarifPhysicalLocation(
    [property: JsonPropertyName("artifactLocation")] SarifArtifactLocation ArtifactLocation,
    [property: JsonPropertyName("region")] SarifRegion? Region);

internal sealed record SarifArtifactLocation([property: JsonPropertyName("uri")] string Uri);

internal sealed record SarifRegion(
    [property: JsonPropertyName("startLine")] int StartLine,
    [property: JsonPropertyName("startColumn")] int StartColumn);

internal sealed record SarifLogicalLocation(
    [property: JsonPropertyName("fullyQualifiedName")] string FullyQualifiedName,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("kind")] string Kind);

internal sealed record SarifInvocation(
    [property: JsonPropertyName("executionSuccessful")] bool ExecutionSuccessful,
    [property: JsonPropertyName("toolExecutionNotifications")] IReadOnlyList<SarifNotification> ToolExecutionNotifications);

internal sealed record SarifNotification(
    [property: JsonPropertyName("descriptor")] SarifDescriptor Descriptor,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("message")] SarifMessage Message,
    [property: JsonPropertyName("locations")] IReadOnlyList<SarifLocation> Locations);

internal sealed record SarifDescriptor([property: JsonPropertyName("id")] string Id);

/// <summary>Source-generated metadata for the SARIF log: no reflection, so a trimmed or native tool writes every field.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SarifLog))]
internal sealed partial class SarifJsonContext : JsonSerializerContext;

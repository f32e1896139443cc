namespace Mesh.Model;

/// <summary>The breadth of an mTLS scope.</summary>
public enum MtlsScopeKind
{
    /// <summary>Every workload in the mesh.</summary>
    Mesh,

    /// <summary>Every workload in a namespace.</summary>
    Namespace,

    /// <summary>The workloads selected by labels.</summary>
    Workload,

    /// <summary>One port of the selected workloads.</summary>
    Port,
}

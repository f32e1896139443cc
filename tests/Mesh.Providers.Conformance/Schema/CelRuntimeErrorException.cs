namespace Mesh.Providers.Conformance.Schema;

/// <summary>An evaluation error of a library function (the API server rejects the object).</summary>
public sealed class CelRuntimeErrorException : Exception
{
    /// <summary>Creates the error.</summary>
    public CelRuntimeErrorException() { }

    /// <summary>Creates the error.</summary>
    /// <param name="message">What went wrong.</param>
    public CelRuntimeErrorException(string message) : base(message) { }

    /// <summary>Creates the error.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="inner">The cause.</param>
    public CelRuntimeErrorException(string message, Exception inner) : base(message, inner) { }
}

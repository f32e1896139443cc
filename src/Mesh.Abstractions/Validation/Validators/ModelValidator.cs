using System.Linq.Expressions;
using FluentValidation;

namespace Mesh.Validation.Validators;

/// <summary>
/// The base of every record validator: one model-level rule that runs <see cref="Check"/>, plus helpers that report
/// failures with a diagnostic code, a severity and a property name relative to the record.
/// </summary>
internal abstract class ModelValidator<T> : AbstractValidator<T>
{
    protected ModelValidator()
    {
        RuleFor(x => x).Custom((item, context) =>
        {
            if (item is not null) Check(item, new Reporter(context, context.AddFailure));
        });
    }

    /// <summary>Adds child validators for nested records.</summary>
    protected void Each<TChild>(Expression<Func<T, IEnumerable<TChild>>> items, IValidator<TChild> validator) =>
        RuleForEach(items).SetValidator(validator);

    /// <summary>Checks the record itself; report every problem, never stop at the first.</summary>
    protected abstract void Check(T item, Reporter report);
}

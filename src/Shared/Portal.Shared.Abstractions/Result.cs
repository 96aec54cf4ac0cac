namespace Portal.Shared.Abstractions;

/// <summary>Lets pipeline behaviors see whether a handler failed without knowing the value type.</summary>
public interface IResultBase
{
    bool IsSuccess { get; }
    Error? Error { get; }
}

/// <summary>The outcome of a command without a value.</summary>
public readonly record struct Result : IResultBase
{
    private Result(Error? error) => Error = error;

    public Error? Error { get; }
    public bool IsSuccess => Error is null;
    public bool IsFailure => !IsSuccess;

    public static Result Success() => new(null);
    public static Result Failure(Error error) => new(error);

    public static implicit operator Result(Error error) => Failure(error);
}

/// <summary>The outcome of a command or query: a value, or an <see cref="Abstractions.Error"/>.</summary>
public readonly record struct Result<T> : IResultBase
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }
    public bool IsSuccess => Error is null;
    public bool IsFailure => !IsSuccess;

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"A failed result ({Error!.Code}) has no value.");

    public static Result<T> Success(T value) => new(value, null);
    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);
    public static implicit operator Result<T>(Error error) => Failure(error);
}

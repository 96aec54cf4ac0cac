using Mediator;
using Portal.Shared.Abstractions;
using Portal.Shared.Persistence;

namespace Portal.Shared.Behaviors;

/// <summary>
/// Saves what a command's handler changed, once, after it succeeded. A failed result saves nothing,
/// so a command either happens completely or not at all. Queries are never saved.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(UnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (message is not IBaseCommand || response is IResultBase { IsSuccess: false })
        {
            return response;
        }

        await unitOfWork.CommitAsync(cancellationToken);
        return response;
    }
}

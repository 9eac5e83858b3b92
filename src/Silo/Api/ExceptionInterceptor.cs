using Grpc.Core;
using Grpc.Core.Interceptors;
using Triage.Grains.Cases;
using Triage.Grains.Journal;

namespace Triage.Silo.Api;

/// <summary>
/// Turns unexpected failures into a status without internals or PHI, and logs only the
/// exception type and the trace id, never messages that could carry a complaint.
/// </summary>
public sealed partial class ExceptionInterceptor(ILogger<ExceptionInterceptor> logger) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (Triage.Domain.Decision.InvalidInputException e)
        {
            // The message names the field and the rule, never the value.
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
        catch (CaseAlreadyExistsException)
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, "case_id: the case already exists"));
        }
        catch (Triage.Grains.Visits.VisitRuleException e)
        {
            // The message names the rule or field and never carries patient data.
            throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
        }
        catch (BrokenJournalException e)
        {
            // Names the first broken entry's number, never its content.
            throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
        }
        catch (SealedTextException e)
        {
            // A rotation dropped a key still in use: the operators' fault, told to them (the message names the key id only).
            LogMissingKey(logger, context.Method, e.Message);
            throw new RpcException(new Status(StatusCode.Unavailable, "case: its record is sealed under a journal key this service does not hold now"));
        }
        catch (StorageUnavailableException e)
        {
            LogStorageUnavailable(logger, context.Method, e.InnerException?.GetType().Name ?? nameof(StorageUnavailableException));
            throw new RpcException(new Status(StatusCode.Unavailable, "storage: the database cannot be reached now; retry"));
        }
        catch (Triage.Models.Classification.ModelUnavailableException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, e.Message));
        }
        catch (JournalConflictException)
        {
            throw new RpcException(new Status(StatusCode.Aborted, "case_id: the case changed concurrently; retry"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var trace = context.GetHttpContext().TraceIdentifier;
            LogFailure(logger, context.Method, e.GetType().Name, trace);
            throw new RpcException(new Status(StatusCode.Internal, $"internal error; trace id {trace}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {Method}: storage unavailable ({Cause})")]
    private static partial void LogStorageUnavailable(ILogger logger, string method, string cause);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {Method}: {Fault}")]
    private static partial void LogMissingKey(ILogger logger, string method, string fault);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {Method} failed with {ExceptionType}; trace id {TraceId}")]
    private static partial void LogFailure(ILogger logger, string method, string exceptionType, string traceId);
}

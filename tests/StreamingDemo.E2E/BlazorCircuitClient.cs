using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StreamingDemo.E2E;

/// <summary>
/// A headless Blazor Server client: starts a real circuit for a prerendered page the way blazor.web.js does
/// (StartCircuit, then UpdateRootComponents with the page's server-component markers and persisted state over the
/// "blazorpack" MessagePack protocol), acknowledges render batches and answers JS interop calls with null. It does not
/// interpret render batches, so it cannot click: a circuit it opens renders, stays live and idles like a reader's.
/// </summary>
public sealed partial class BlazorCircuitClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly TaskCompletionSource firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BlazorCircuitClient(HubConnection connection) => this.connection = connection;

    public int Batches { get; private set; }

    /// <summary>Opens a circuit for <paramref name="pageUri"/> whose prerendered HTML is <paramref name="html"/>; completes at the first render batch.</summary>
    public static async Task<BlazorCircuitClient> OpenAsync(Uri baseUri, Uri pageUri, string html, string? cookie, CancellationToken cancellationToken)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseUri, "_blazor"), options =>
        {
            options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            if (cookie is not null)
            {
                options.Headers["Cookie"] = cookie;
            }
        });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        var client = new BlazorCircuitClient(builder.Build());
        client.Wire();
        await client.connection.StartAsync(cancellationToken);

        var circuitId = await client.connection.InvokeAsync<string>("StartCircuit", baseUri.ToString(), pageUri.ToString(), "[]", string.Empty, cancellationToken);
        if (string.IsNullOrEmpty(circuitId))
        {
            throw new InvalidOperationException("The server refused to start a circuit.");
        }

        var operations = Markers().Matches(html).Select((m, i) => new
        {
            type = "add",
            ssrComponentId = i + 1,
            marker = JsonSerializer.Deserialize<JsonElement>(m.Groups[1].Value),
        }).ToList();
        var state = PersistedState().Match(html) is { Success: true } s ? s.Groups[1].Value : string.Empty;
        await client.connection.SendAsync("UpdateRootComponents", JsonSerializer.Serialize(new { batchId = 1, operations }), state, cancellationToken);
        await client.firstBatch.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return client;
    }

    private void Wire()
    {
        connection.On<long, byte[]>("JS.RenderBatch", async (batchId, _) =>
        {
            Batches++;
            await connection.SendAsync("OnRenderCompleted", batchId, null);
            firstBatch.TrySetResult();
        });
        // .NET 10 sends six arguments (async handle, identifier, arguments, result type, target instance, call type);
        // a handler of another arity fails to bind every call, which then stays unanswered until the server's timeout.
        connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], async args =>
        {
            var handle = (long)args[0]!;
            if (handle != 0)
            {
                await connection.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,null]");
            }
        });
        // Messages the client has nothing to do for still need a handler of their arity, or each one fails to bind.
        connection.On("JS.AttachComponent", [typeof(int), typeof(string)], _ => Task.CompletedTask);
        connection.On("JS.EndUpdateRootComponents", [typeof(long)], _ => Task.CompletedTask);
        connection.On<string>("JS.Error", error => firstBatch.TrySetException(new InvalidOperationException("Circuit error: " + error)));
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    [GeneratedRegex("<!--Blazor:(\\{\"type\":\"server\".*?\\})-->")]
    private static partial Regex Markers();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->")]
    private static partial Regex PersistedState();

    /// <summary>SignalR's MessagePack protocol under the name Blazor's hub accepts ("blazorpack").</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol inner = new();

        public string Name => "blazorpack";

        public int Version => inner.Version;

        public TransferFormat TransferFormat => inner.TransferFormat;

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

        public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);
    }
}

using System.Buffers;
using System.Text.Json;

namespace EgmEcc.Formats.Output;

/// <summary>
/// Writes one JSON document to a text writer, streamed a chunk at a time (a fleet's plans or
/// a plan of millions of extents need not fit in one buffer), in the form every EgmEcc document
/// shares (<see cref="PlanJsonWriter.WriterOptions"/>), ending with a newline.
/// </summary>
internal static class JsonOutput
{
    /// <summary>Runs <paramref name="body"/> against a JSON writer whose bytes reach <paramref name="output"/>.</summary>
    /// <remarks>Call <see cref="Utf8JsonWriter.Flush"/> in <paramref name="body"/> between large pieces to pass them on early.</remarks>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> body) => Write(output, (json, _) => body(json));

    /// <summary>
    /// Runs <paramref name="body"/> against a JSON writer and the buffer its bytes go to, so that
    /// bulk pieces of a fixed shape can be written there as bytes (see
    /// <see cref="PlanJsonWriter"/>): after <see cref="Utf8JsonWriter.Flush"/>, bytes written to
    /// the buffer follow the writer's own, in order.
    /// </summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter, IBufferWriter<byte>> body)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output is Utf8StreamOutput bytes)
        {
            // Bytes straight through: no decoding to characters and encoding back.
            using (var direct = new Utf8JsonWriter(bytes, PlanJsonWriter.WriterOptions))
            {
                body(direct, bytes);
            }

            bytes.WriteBytes("\n"u8);
            return;
        }

        var buffer = new TextWriterBufferWriter(output);
        using (var json = new Utf8JsonWriter(buffer, PlanJsonWriter.WriterOptions))
        {
            body(json, buffer);
        }

        buffer.Flush();
        output.Write('\n');
    }
}

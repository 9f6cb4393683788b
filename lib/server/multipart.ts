/**
 * The analyse form, streamed through busboy instead of buffered and parsed in one go: a body of thousands of
 * tiny fields once held the event loop for 1.9 s inside `Request.formData()`. Parsing stops at the first
 * part past a limit (parts, fields, a field's size, a file's size, the whole body) and the rest of the
 * upload is never read.
 */
import busboy from 'busboy';
import { formatBytes, HttpError } from './http';

export interface UploadLimits {
  /** The file fields taken, each with its own size limit; any other file field is refused. */
  files: Record<string, number>;
  /** The whole body, counted as it streams (a Content-Length is not trusted). */
  maxBodyBytes: number;
  /** Text fields read (each ≤ MAX_TEXT_FIELD_BYTES); others are tolerated and ignored, up to the field limit. */
  fields?: readonly string[];
}

/** Text fields in all, read or ignored: a few short options, never a body of tiny fields. */
export const MAX_TEXT_FIELDS = 4;
export const MAX_TEXT_FIELD_BYTES = 1024;
/** Parts in all: the files plus the tolerated text fields. */
export const MAX_PARTS = 8;

/** The form's files, and the text fields asked for as strings. */
export type UploadedFiles = Record<string, File | string | undefined>;

const refuse = (status: number, code: string, message: string) => new HttpError(status, code, message);

export async function readUploadForm(request: Request, limits: UploadLimits): Promise<UploadedFiles> {
  const type = request.headers.get('content-type') ?? '';
  const declared = Number(request.headers.get('content-length') ?? 0);
  const bodyTooLarge = () =>
    refuse(413, 'body_too_large', `The request body is larger than the ${formatBytes(limits.maxBodyBytes)} limit.`);
  if (declared > limits.maxBodyBytes) throw bodyTooLarge();
  if (!request.body) throw refuse(400, 'empty_body', 'The request has no body.');
  const largest = Math.max(...Object.values(limits.files));
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': type },
      limits: {
        parts: MAX_PARTS,
        fields: MAX_TEXT_FIELDS,
        fieldSize: MAX_TEXT_FIELD_BYTES,
        files: Object.keys(limits.files).length,
        fileSize: largest + 1,
      },
    });
  } catch {
    throw refuse(400, 'bad_form', 'The multipart body could not be read (no boundary in its Content-Type).');
  }
  const reader = request.body.getReader();
  return new Promise<UploadedFiles>((resolve, reject) => {
    const files: UploadedFiles = {};
    const seen = new Set<string>();
    const pending: Promise<void>[] = [];
    let settled = false;
    const fail = (error: HttpError) => {
      if (settled) return;
      settled = true;
      reader.cancel().catch(() => {});
      parser.destroy();
      reject(error);
    };
    pump(reader, parser, limits.maxBodyBytes, () => settled).catch((error: unknown) =>
      fail(error instanceof HttpError ? error : refuse(400, 'bad_form', 'The upload broke off.')),
    );
    parser.on('file', (field, stream, info) => {
      // A file cut off by a refusal (the parser destroyed) ends in an error that is already answered.
      stream.on('error', () => fail(refuse(400, 'bad_form', 'The upload broke off inside a file.')));
      const maxBytes = limits.files[field];
      if (maxBytes === undefined || seen.has(field)) {
        stream.resume();
        return fail(
          refuse(
            400,
            'invalid_input',
            `Unexpected file field "${field}": send "${Object.keys(limits.files).join('" and/or "')}", once each.`,
          ),
        );
      }
      seen.add(field);
      const chunks: Buffer[] = [];
      let size = 0;
      pending.push(
        new Promise<void>((done) => {
          stream.on('data', (chunk: Buffer) => {
            size += chunk.byteLength;
            if (size > maxBytes)
              return fail(
                refuse(
                  413,
                  'invalid_input',
                  `The ${field === 'audio' ? 'sound' : field} is larger than ${formatBytes(maxBytes)}.`,
                ),
              );
            chunks.push(chunk);
          });
          stream.on('end', () => {
            files[field] = new File([new Uint8Array(Buffer.concat(chunks))], info.filename || field, {
              type: info.mimeType,
            });
            done();
          });
        }),
      );
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated)
        return fail(refuse(413, 'invalid_input', `A form field is longer than ${formatBytes(MAX_TEXT_FIELD_BYTES)}.`));
      if (limits.fields?.includes(name) && !(name in files)) files[name] = value;
    });
    parser.on('partsLimit', () => fail(refuse(413, 'invalid_input', `The form has more than ${MAX_PARTS} parts.`)));
    parser.on('fieldsLimit', () =>
      fail(refuse(413, 'invalid_input', `The form has more than ${MAX_TEXT_FIELDS} text fields.`)),
    );
    parser.on('filesLimit', () =>
      fail(
        refuse(400, 'invalid_input', `The form has more files than "${Object.keys(limits.files).join('" and "')}".`),
      ),
    );
    parser.on('error', () => fail(refuse(400, 'bad_form', 'The multipart body could not be read.')));
    parser.on('close', () => {
      Promise.all(pending).then(() => {
        if (settled) return;
        settled = true;
        resolve(files);
      });
    });
  });
}

/** Bytes handed to the parser at a time: a whole in-memory body is one chunk, and parsing it in one go stalls. */
const SLICE_BYTES = 64 * 1024;

/**
 * Feeds the body to the parser in slices, yielding to the event loop between them and stopping as soon as
 * the parse is settled (refused) or the body passes its limit.
 */
async function pump(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  parser: busboy.Busboy,
  maxBytes: number,
  stopped: () => boolean,
): Promise<void> {
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (stopped()) return;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes)
      throw new HttpError(413, 'body_too_large', `The request body is larger than the ${formatBytes(maxBytes)} limit.`);
    for (let offset = 0; offset < value.byteLength; offset += SLICE_BYTES) {
      const fits = parser.write(value.subarray(offset, offset + SLICE_BYTES));
      await new Promise<void>((resolve) => {
        if (fits) return void setImmediate(resolve);
        parser.once('drain', resolve);
        parser.once('close', resolve); // destroyed after a refusal: no drain will come
      });
      if (stopped()) return;
    }
  }
  parser.end();
}

/** The bundled demo samples' index (public/samples/index.json), written by `npm run models`. */
export interface SampleInfo {
  kind: 'image' | 'audio';
  /** Path under the samples folder, e.g. "images/01_truck.jpg". */
  file: string;
  url: string;
  licence: string;
  source: string;
  content: string;
}

/** "images/01_truck.jpg" → "01_truck": the stable test id and the uploaded file's name. */
export function sampleKey(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.[^.]+$/, '');
}

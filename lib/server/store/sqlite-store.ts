/**
 * The embedded backend: results in `${DATA_DIR}/strix.db` (results-table.ts, synchronous better-sqlite3) and the
 * uploads as files under `${DATA_DIR}/results/<id>/` (stored-files.ts) — exactly the single-machine layout.
 */
import { readStoredAudio, readStoredImage, removeResultFiles, writeResultFiles } from '../stored-files';
import type { NewResult, ResultStore, UploadKind } from './backend';
import { closeResultsDb } from './db';
import * as table from './results-table';

export function sqliteStore(): ResultStore {
  return {
    kind: 'sqlite',
    async insertResult(result: NewResult) {
      const fileBytes = writeResultFiles(result.id, result.uploads);
      table.insertResult({
        id: result.id,
        createdAt: result.createdAt,
        imageName: result.imageName,
        hasImage: Boolean(result.uploads.image),
        hasAudio: Boolean(result.uploads.audio),
        sceneJson: result.sceneJson,
        events: result.events,
        fileBytes,
      });
    },
    resultExists: async (id) => table.resultExists(id),
    appendEvents: async (id, events) => table.appendEvents(id, events),
    appendChatTurns: async (id, turns) => table.appendChatTurns(id, turns),
    countChatTurns: async (id) => table.countRows('chat_turns', id),
    updateSceneJson: async (id, json) => table.updateSceneJson(id, json),
    readSceneJson: async (id) => table.readSceneJson(id),
    setDisplay: async (id, display) => table.setDisplay(id, display),
    readStoredResult: async (id) => table.readStoredResult(id),
    readUpload: (id: string, kind: UploadKind) => (kind === 'image' ? readStoredImage(id) : readStoredAudio(id)),
    async deleteResult(id) {
      const existed = table.deleteResultRow(id);
      removeResultFiles(id);
      return existed;
    },
    idsOverRetention: async (maxCount, maxBytes, inUse) => table.idsOverRetention(maxCount, maxBytes, inUse),
    close: async () => closeResultsDb(),
  };
}

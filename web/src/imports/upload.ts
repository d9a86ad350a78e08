import { ApiError, withQuery } from "../api/client";
import type { Uploaded } from "./types";

/** The content types the server takes a spreadsheet with (src/features/imports/routes.ts); anything else goes as plain bytes. */
const ACCEPTED_TYPES = ["text/csv", "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

export const contentTypeOf = (file: File) => (ACCEPTED_TYPES.includes(file.type) ? file.type : "application/octet-stream");

export interface UploadHandle {
  done: Promise<Uploaded>;
  cancel(): void;
}

/**
 * Sends the file as the raw request body, the way the server streams it to disk. fetch cannot
 * report upload progress, so this one request goes by XMLHttpRequest — with the session cookie
 * and the CSRF header every mutation carries (see api/client.ts), and errors as ApiError.
 */
export function uploadFile(file: File, csrfToken: string | null, onProgress: (share: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Uploaded>((resolve, reject) => {
    xhr.open("POST", withQuery("/api/imports", { fileName: file.name }));
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("content-type", contentTypeOf(file));
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const json = parse(xhr.responseText);
      if (xhr.status === 201 && json) return resolve(json as Uploaded);
      const error = (json as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
      reject(new ApiError(xhr.status, error?.code ?? "internal", error?.message ?? xhr.statusText, error?.details));
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "Network error"));
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    xhr.send(file);
  });
  return { done, cancel: () => xhr.abort() };
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

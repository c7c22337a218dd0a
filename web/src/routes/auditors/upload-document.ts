// An upload to the documents store: POST /api/v1/documents?filename=NAME with the file itself as
// the body (the server checks its type by content and its size). Answers {id, ...}.
import { ApiError } from '../../api/api-error';
import { csrfHeader } from '../../api/client';

export interface UploadedDocument {
  id: number;
  filename?: string;
}

export async function uploadDocument(file: File): Promise<UploadedDocument> {
  const response = await fetch(`/api/v1/documents?filename=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...csrfHeader(), Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body as UploadedDocument;
}

// Files for the upload tests, written out byte for byte, and the upload request itself.
// A small but complete PDF (one empty page), written out byte for byte.
export function tinyPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// A 1×1 transparent PNG.
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

// The start of an x86-64 ELF program, padded.
export const ELF = Buffer.concat([
  Buffer.from('7f454c4602010100000000000000000002003e000100000000104000000000004000000000000000', 'hex'),
  Buffer.alloc(200),
]);

export function upload(client, filename, bytes, contentType = 'application/octet-stream', headers = {}) {
  return client.request('POST', `/api/v1/documents?filename=${encodeURIComponent(filename)}`, {
    body: bytes,
    headers: { 'content-type': contentType, ...headers },
  });
}


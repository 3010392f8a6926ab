/**
 * Demo songs are short tone melodies written as WAV files at seed time, so the playlist has
 * real audio without downloading anything. 8-bit mono PCM keeps each one small.
 */
const RATE = 11025;
const NOTE_SECONDS = 0.32;

export function melodyWav(frequencies: number[]): Buffer {
  const perNote = Math.round(RATE * NOTE_SECONDS);
  const samples = perNote * frequencies.length;
  const buf = Buffer.alloc(44 + samples);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + samples, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(RATE, 24);
  buf.writeUInt32LE(RATE, 28); // byte rate
  buf.writeUInt16LE(1, 32); // block align
  buf.writeUInt16LE(8, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(samples, 40);
  frequencies.forEach((f, n) => {
    for (let i = 0; i < perNote; i++) {
      // A soft attack and decay per note avoids clicks.
      const env = Math.min(1, i / 200) * Math.min(1, (perNote - i) / 600);
      const v = Math.sin((2 * Math.PI * f * i) / RATE) * 0.5 * env;
      buf.writeUInt8(Math.round(128 + v * 127), 44 + n * perNote + i);
    }
  });
  return buf;
}

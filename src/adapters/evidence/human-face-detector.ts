import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import type { FaceDetector } from '../../app/ports/evidence-files.ts';
import { imageInputOptions } from './sharp-evidence-inspector.ts';

/** Faces are found on a copy at most this wide or high: the detector works at 256 px anyway. */
const detectionSide = 1280;

type Tensor = { dispose(): void };
type ModelArtifacts = {
  modelTopology: unknown;
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  weightSpecs: unknown[];
  weightData: ArrayBuffer;
};
/** The few parts of Human used here; the package's types cannot be imported by file path. */
type Human = {
  tf: {
    tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): Tensor;
    io: {
      registerLoadRouter(
        router: (url: string | string[]) => { load(): Promise<ModelArtifacts> } | null,
      ): void;
    };
  };
  load(): Promise<void>;
  detect(input: Tensor): Promise<{
    face: { box: [number, number, number, number] }[];
    error?: string | null;
  }>;
};
type HumanModule = { Human: new (config: object) => Human };

const require = createRequire(import.meta.url);
// The package's export map names no subpaths Node accepts, so the WebAssembly build is loaded
// by its path inside the package.
const humanDir = path.dirname(path.dirname(require.resolve('@vladmandic/human')));
const wasmDir = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), path.sep);

/** Only the detector: no mesh, iris, description, emotion, liveness, body or anything else. */
const config = {
  backend: 'wasm',
  wasmPath: pathToFileURL(wasmDir).href,
  modelBasePath: `${pathToFileURL(path.join(humanDir, 'models')).href}/`,
  debug: false,
  warmup: 'none',
  cacheModels: false,
  filter: { enabled: false },
  face: {
    enabled: true,
    detector: {
      enabled: true,
      rotation: false,
      maxDetected: 100,
      minConfidence: 0.25,
      return: false,
    },
    mesh: { enabled: false },
    attention: { enabled: false },
    iris: { enabled: false },
    description: { enabled: false },
    emotion: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
  },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  gesture: { enabled: false },
  segmentation: { enabled: false },
};

/**
 * Node's fetch cannot read `file://` addresses, and tfjs would fetch the models: they are read
 * from the package's own folder instead. Nothing is downloaded.
 */
async function modelFromFile(url: string): Promise<ModelArtifacts> {
  const file = fileURLToPath(url);
  const manifest = JSON.parse(await readFile(file, 'utf8')) as {
    modelTopology: unknown;
    format?: string;
    generatedBy?: string;
    convertedBy?: string;
    weightsManifest: { paths: string[]; weights: unknown[] }[];
  };
  const parts: Buffer[] = [];
  for (const group of manifest.weightsManifest) {
    for (const part of group.paths) parts.push(await readFile(path.join(path.dirname(file), part)));
  }
  const weights = Buffer.concat(parts);
  return {
    modelTopology: manifest.modelTopology,
    ...(manifest.format === undefined ? {} : { format: manifest.format }),
    ...(manifest.generatedBy === undefined ? {} : { generatedBy: manifest.generatedBy }),
    ...(manifest.convertedBy === undefined ? {} : { convertedBy: manifest.convertedBy }),
    weightSpecs: manifest.weightsManifest.flatMap((group) => group.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  };
}

let loaded: Promise<Human> | null = null;

function human(): Promise<Human> {
  loaded ??= (async () => {
    const module = require(path.join(humanDir, 'dist', 'human.node-wasm.js')) as HumanModule;
    const instance = new module.Human(config);
    instance.tf.io.registerLoadRouter((url) =>
      typeof url === 'string' && url.startsWith('file://')
        ? { load: () => modelFromFile(url) }
        : null,
    );
    await instance.load();
    return instance;
  })();
  // A failed load is tried again on the next picture rather than remembered.
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}

/** One detection at a time: the WebAssembly backend is one engine for the process. */
let queue: Promise<unknown> = Promise.resolve();

/** Human (BlazeFace) on TensorFlow.js's WebAssembly backend, with its bundled model. */
export function humanFaceDetector(): FaceDetector {
  return {
    detect(original) {
      const run = async () => {
        const detector = await human();
        const { data, info } = await sharp(original, imageInputOptions)
          .rotate()
          .resize(detectionSide, detectionSide, { fit: 'inside', withoutEnlargement: true })
          .removeAlpha()
          .toColourspace('srgb')
          .raw()
          .toBuffer({ resolveWithObject: true });
        const tensor = detector.tf.tensor3d(
          new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
          [info.height, info.width, 3],
          'int32',
        );
        try {
          const result = await detector.detect(tensor);
          if (result.error) throw new Error('face detection failed');
          return result.face.map(({ box: [x, y, width, height] }) => ({
            x: x / info.width,
            y: y / info.height,
            width: width / info.width,
            height: height / info.height,
          }));
        } finally {
          tensor.dispose();
        }
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

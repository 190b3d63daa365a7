// English strings. This object's shape is the type every other language must match. The lab's
// texts are in en.lab.ts, loaded with its panel.
import type { LabMessages } from './en.lab';

export const en = {
  appTitle: 'AlexNet Lab',
  tagline: 'Train AlexNet on CIFAR-10 in your browser, then switch off an innovation and compare.',
  startingWorker: 'starting the training worker…',
  checkGpuAgain: 'Check the GPU again',
  language: 'Language',

  // Dataset panel
  dataTitle: 'Data: CIFAR-10',
  dismiss: 'Dismiss',
  loading: 'Loading {what}: {loaded} / {total}',
  loadingShort: 'Loading…',
  countsTrain: 'Train',
  countsTest: 'Test',
  countsImages: 'images · ready in {seconds} s',
  perClassAndBatch: 'Images per class and batch',
  classCol: 'class',
  batchCol: 'batch {n}',
  testCol: 'test',
  loadBatches:
    'Load CIFAR-10 batches from disk (data_batch_1.bin … test_batch.bin, or cifar-10-binary.tar.gz):',
  readingFiles: 'Reading your files…',
  dropHint: 'Drop CIFAR-10 binary batches (.bin) or cifar-10-binary.tar.gz',
  enlarge: '{name}, {split} image {index}: enlarge',
  enlarged: 'Enlarged sample',
  close: 'Close',
  sampleCaption: '{split} image #{index}, 32×32 pixels',

  // Config panel
  configTitle: 'Model and training',
  preset: 'Preset',
  presetCifar: 'AlexNet-CIFAR (32×32, native)',
  presetPaper: 'AlexNet (paper, 227×227)',
  innovations: "The paper's four innovations:",
  activation: 'Activation',
  reluPaper: 'ReLU (the paper)',
  lrnToggle: 'Local response normalisation (k=2, n=5, α=1e-4, β=0.75)',
  dropoutToggle: 'Dropout 0.5 on the hidden fully connected layers',
  pooling: 'Pooling',
  poolingOverlapping: 'overlapping 3×3, stride 2 (the paper)',
  poolingNonOverlapping: 'non-overlapping 2×2, stride 2',
  groupedToggle: "Two-tower grouped convolutions in C2, C4, C5 (the paper's two GPUs)",
  modelWidth: 'Model width (filter and unit counts)',
  widthFull: '×1 (full width)',
  widthHalf: '×½',
  widthQuarter: '×¼',
  preprocess: 'Input preprocessing',
  preprocessChannel: 'per-channel normalisation',
  preprocessPixelMean: 'per-pixel mean image subtracted',
  preprocessZca: 'ZCA whitening (8×8 patches)',
  optimizerHint: 'Optimiser (the paper: SGD, momentum 0.9, weight decay 5e-4, lr 0.01, batch 128):',
  learningRate: 'Learning rate',
  momentum: 'Momentum',
  weightDecay: 'Weight decay',
  batchSize: 'Batch size',
  plateauToggle: 'Divide the learning rate by 10 when test error stops improving',
  epochs: 'Epochs',
  seed: 'Seed',
  batchesHint: 'Training batches (the test set is always the test images):',
  trainingBatches: 'Training batches',
  batchN: 'batch {n}',
  quickMode: 'Quick mode: {train} training and {test} test images',
  locked: 'Settings are locked while a run is in progress.',
  enterNumber: 'enter a number',
  enterWhole: 'enter a whole number',
  between: 'between {min} and {max}',

  // Run
  runControls: 'Run controls',
  train: 'Train',
  pause: 'Pause',
  resume: 'Resume',
  stop: 'Stop',
  trainWhenReady: 'Train becomes available when the data is loaded.',
  epochProgress: 'Epoch {epoch} of {epochs}: {pct} % · ETA {eta}',
  runProgress: 'Run: {pct} % · ETA {eta}',
  latestMetrics: 'Latest metrics',
  step: 'Step',
  loss: 'Loss',
  trainAcc: 'Train accuracy',
  testAcc: 'Test accuracy',
  top1: 'Top-1 error',
  top5: 'Top-5 error',
  imagesPerSec: 'Images/s',
  estimateNote: 'test figures: estimate on {n} test images',

  // Charts
  lossTitle: 'Training loss',
  lossEmpty: 'Click Train: the loss of every step appears here.',
  lossRaw: 'loss (raw)',
  lossSmoothed: 'loss (smoothed)',
  accuracyTitle: 'Accuracy (%)',
  errorTitle: 'Test error (%)',
  trainEpoch: 'train (epoch)',
  testEpoch: 'test (epoch)',
  testEstimate: 'test (estimate)',
  top1Line: 'top-1 error',
  top5Line: 'top-5 error',

  // Layers
  layersTitle: 'Layers',
  layerCol: 'layer',
  kindCol: 'kind',
  outputCol: 'output',
  paramsCol: 'parameters',
  macsCol: 'multiply-adds',
  total: 'total',
  why227Title: 'Why 227?',
  why227:
    'The paper says 224×224, but C1 ({filters} filters, {kernel}×{kernel}, stride {stride}) then gives {f224} — not a whole number of positions. With {size}×{size}: {f227}, the 55×55 the paper draws.',
  // Recipe: augmentation, schedules, test-time averaging
  recipeTitle: 'Accuracy recipe',
  recipeButton: 'Use the AlexNet-CIFAR recipe',
  recipeNote:
    'Sets the CIFAR preset, flips and crops, lr 0.02 with 1 warm-up epoch and cosine decay, 60 epochs on all data, mirrored test averaging.',
  augmentHint: 'Augmentation of training images (computed in the worker, on the backend):',
  flipToggle: 'Random horizontal flips',
  cropToggle: 'Random crops (pad 4 pixels, crop 32×32)',
  pcaToggle: "The paper's PCA colour noise",
  schedule: 'Learning-rate schedule',
  scheduleConstant: 'constant',
  scheduleStep: 'step: ×0.1 every 10 epochs',
  scheduleCosine: 'cosine decay to 0',
  warmup: 'Warm-up epochs',
  ttaToggle: 'Also test with centre + mirrored image averaged (reported separately)',
  ttaMetric: 'Top-1 error, mirrored average',
  lrLine: 'learning rate',
  // Look inside the network (inspect views, save/load, classroom)
  inspectTitle: 'Look inside the network',
  dropZone: 'Drop an image here (PNG, JPEG, WebP, GIF, BMP), pick one, or paste it (Ctrl+V).',
  pickImage: 'Pick an image…',
  testImageIndex: 'Test image',
  showTestImage: 'Show',
  randomTestImage: 'Random test image',
  refreshInspect: 'Refresh with the latest weights',
  classifying: 'Working…',
  untrainedNote:
    'This model is untrained: its weights are random, so its predictions are too. Train it, or load a saved model, for real ones.',
  modelIs: 'Model',
  originUntrained: 'untrained ({preset}, seed {seed})',
  originTraining: 'training now, {epochs:epoch|epochs} done',
  originTrained: 'trained, {epochs:epoch|epochs}',
  originLoaded: 'loaded from a file, {epochs:epoch|epochs}',
  originPretrained: 'pretrained: {epochs:epoch|epochs}, {acc} % test accuracy, trained by `{command}`',
  pretrainedNote:
    'This model ships with the app, trained before you opened the page: {acc} % is its top-1 accuracy on all {count} test images. Train starts a fresh run from random weights; "Continue training this model" trains this one further.',
  pretrainedFailedNote: 'The pretrained model that ships with the app could not be loaded: {why}',
  top5Title: 'Top-5 classes',
  trueClass: 'true class: {name}',
  networkSees: 'What the network gets',
  input32: '32×32 input',
  upscaledView: '{size}×{size}, upscaled inside the network',
  cropNote: 'The centre square of your image, shrunk to 32×32 pixels like CIFAR-10.',
  featureMapsTitle: 'Feature maps',
  featureMapsEmpty: 'Classify an image or show a test image to see what each layer makes of it.',
  channelOf: '{layer}, channel {c}',
  unitsOf: '{layer}: {n} units',
  filtersTitle: 'First-layer filters',
  filtersShow: 'Show the filters',
  filtersNote:
    '{count} kernels of {k}×{k}×3 from {layer}, each scaled to its own range (the paper’s figure 3).',
  insightTitle: 'Test set: what it gets right and wrong',
  insightRun: 'Predict the test images',
  insightBusy: 'Predicting…',
  insightSummary: '{correct} of {n} test images right ({pct} %)',
  mistakesOnly: 'Mistakes only',
  allClasses: 'All classes',
  classFilter: 'Class',
  confusionTitle: 'Confusion matrix',
  showCounts: 'Counts',
  showRowPct: 'Row-normalised (%)',
  trueVsPred: 'true ↓ predicted →',
  perClassAcc: 'Per-class accuracy',
  galleryItem: 'predicted {pred}, true {truth}',
  galleryShown: 'Showing {shown} of {n}. Click an image for its feature maps.',
  saveModel: 'Save model',
  loadModel: 'Load model…',
  modelSaved: 'Saved {name}',
  modelLoaded: 'Loaded {name}',
  modelFilesHint:
    'Save writes model.json + a .bin of weights (TensorFlow.js format) with the config, seed, normalisation and data source. To load, pick or drop both files here.',
  about: 'About AlexNet',
  aboutTitle: 'What made AlexNet work',
  aboutIntro:
    'Krizhevsky, Sutskever and Hinton (2012) won ImageNet with a deep convolutional network and a few ideas that made it trainable. Switch each off in the config panel and compare.',
  aboutRelu:
    'ReLU, max(0, x), does not saturate like tanh or sigmoid, so gradients stay large and learning is fast. The paper: a four-layer network with ReLUs reached 25 % training error on CIFAR-10 six times faster than with tanh.',
  aboutLrn:
    'Local response normalisation divides each activation by the activity of neighbouring channels at the same place, a kind of lateral inhibition. The paper: it cut top-1 and top-5 error by 1.4 % and 1.2 % (on CIFAR-10, 13 % → 11 % test error).',
  aboutPool:
    'Overlapping pooling takes 3×3 windows every 2 pixels instead of 2×2 every 2. The paper: top-1 and top-5 error fell by 0.4 % and 0.3 %, and the network overfitted slightly less.',
  aboutDropout:
    'Dropout sets half of the hidden FC units to zero at each step, so no unit can rely on particular others. The paper: without it the network overfitted badly; with it, training took about twice as many iterations.',
  aboutGroups:
    'The two-GPU split (grouped convolutions in C2, C4, C5) let a network too big for one 3 GB GPU train on two. The paper: 1.7 % and 1.2 % lower top-1/top-5 error than a net with half the kernels on one GPU.',
  savePng: 'Save PNG',
  savePngOf: 'Save {name} as PNG',
  saveSvg: 'Save SVG',
  saveSvgOf: 'Save {name} as SVG',
  dataTable: 'Data table',
  dataTableOf: '{name}: the plotted values',
  copyLink: 'Copy link to this setup',
  linkCopied: 'Link copied.',
  linkNotCopied: 'Could not copy: the link is in the address bar.',
  darkMode: 'Dark mode',
  projector: 'Projector mode',
  classNames: 'airplane|automobile|bird|cat|deer|dog|frog|horse|ship|truck',
  // Ablation lab
  labPlan: 'Variants',
  labPlanOne: 'one at a time (each innovation off in turn; tanh, sigmoid)',
  labPlanGrid: 'full grid (3 × 2 × 2 × 2 = 24 configs)',
  labSeeds: 'Runs per variant',
  labQuickTrain: 'Quick-mode training images',
  labQuickTest: 'Quick-mode test images',
  epochChartsEmpty:
    'Accuracy and test error appear here after each test: at the end of every epoch, and mid-epoch estimates.',
  // Robustness
  panelCrashed:
    'The “{name}” panel hit an error ({message}). The rest of the page still works and your runs are kept.',
  tryAgain: 'Try again',
  // Training speed (backend probe, step split)
  backendProbe: 'measured per probe step',
  stepSplit: '{ms} ms/step — data {data} %, forward {fwd} %, backward {bwd} %, update {upd} %',
  stepSplitWait: ', waiting for the GPU {wait} %',
  continueTraining: 'Continue training this model',
  continueHint: 'Trains the {source} model further with the settings above (same architecture).',
  checkpointSaved:
    'Checkpoint saved in this browser at step {step} ({epoch} epochs finished, {time}): a reload or a lost GPU resumes from here.',
  resumeText:
    'A run was interrupted after step {step}, with {epoch} of {epochs} epochs finished (saved at {time}). Its weights and momentum were kept.',
  resumeButton: 'Resume the interrupted run',
  guardOffer:
    'The run stopped there, so nothing was learned from that step, and its last checkpoint was saved before it. On the CPU (WebAssembly) it can go on from that checkpoint.',
  guardContinueWasm: 'Continue on WebAssembly from the last checkpoint',
  limitsUseBatch: 'Use batch {batch}',
  discardButton: 'Discard it',
  // Settings table: labels of settings that have no panel field of their own
  settingPlateauEpochs: 'Epochs without improvement before the ÷10',
  settingStepEpochs: 'Step schedule: epochs between steps',
  settingStepFactor: 'Step schedule: factor at each step',
  // Problems: refused settings, links and experiment files (src/shared/problem.ts)
  'problem.value.missing': '{name} is missing.',
  'problem.value.notNumber': '{name} should be a number, not “{value}”.',
  'problem.value.notWhole': '{name} should be a whole number, not {value}.',
  'problem.value.outOfRange': '{name} should be between {min} and {max}, not {value}.',
  'problem.value.tooSmall': '{name} should be at least {min}, not {value}.',
  'problem.value.notBool': '{name} should be on or off, not “{value}”.',
  'problem.value.notChoice': '{name} should be one of {choices}, not “{value}”.',
  'problem.value.notText': '{name} should be text of at most {max} characters.',
  'problem.value.notList': '{name} should be a list of numbers, not “{value}”.',
  'problem.value.emptyList': '{name} should hold at least one value.',
  'problem.value.notGroup': '{name} is not readable: it should be a group of fields.',
  'problem.url.settingsReset':
    'Some settings in the link were not valid and were left at their defaults: {keys}.',
  'problem.experiment.tooLarge': 'This file is too large to be an experiment file.',
  'problem.experiment.notJson': 'This file is not an AlexNet Lab experiment: it is not valid JSON.',
  'problem.experiment.notExperiment':
    'This file is not an AlexNet Lab experiment (its format tag is missing or different).',
  'problem.experiment.newerVersion':
    'This experiment file was written by a newer version of AlexNet Lab (format {version}); this one reads format {supported}.',
  'problem.experiment.noRuns': 'This experiment file has no list of runs.',
  'problem.experiment.tooManyRuns':
    'The lab holds at most {max} runs; with this file it would hold {count}. Delete some runs or import a smaller file.',
  'problem.experiment.tooManySteps':
    'Run {run} of this file has {steps} steps; the lab holds at most {max} steps per run. Nothing was imported.',
  'problem.experiment.importBusy': 'Another import is still running: wait for it to finish, or cancel it.',
  'problem.experiment.importFailed': 'The import stopped unexpectedly; runs written before that are kept.',
  'problem.experiment.damaged': 'This experiment file is damaged, in run {run}:',
  'problem.experiment.noSteps': 'the run is missing its steps or evaluations.',
  'problem.experiment.stepColumns': 'its step columns have different lengths.',
  'problem.cli.unknownFlag': '{flag} is not an option of npm run train.',
  'problem.cli.missingValue': '{flag} needs a value.',

  // Run state badge, sample splits and durations
  runState_idle: 'idle',
  runState_training: 'training',
  runState_paused: 'paused',
  runState_done: 'done',
  runState_error: 'error',
  split_train: 'train',
  split_test: 'test',
  durationHours: '{h} h {m} min',
  durationMinutes: '{m} min {s} s',
  durationSeconds: '{s} s',

  // Problems (src/shared/problem.ts): what the Worker, the parsers and the loop report, by code
  'problem.error.unexpected': '{detail}',
  'problem.error.unknown': 'an unknown error occurred',
  'problem.worker.crashed':
    'The training worker crashed ({detail}); the current run stopped. A fresh worker is reloading the data — your finished runs are kept, and a run with a finished epoch can be resumed.',
  'problem.worker.crashUnknown': 'unknown error',
  'problem.format.png': 'a PNG image',
  'problem.format.jpeg': 'a JPEG image',
  'problem.format.zip': 'a zip archive',
  'problem.format.gzip': 'a gzip archive (for example a .tar.gz)',
  'problem.format.gif': 'a GIF image',
  'problem.format.bzip2': 'a bzip2 archive',
  'problem.format.xz': 'an xz archive',
  'problem.format.pdf': 'a PDF document',
  'problem.format.pickle': 'a Python pickle (the CIFAR-10 "python version")',
  'problem.format.tar': 'a tar archive',
  'problem.format.empty': 'empty',
  'problem.data.batch.empty': '{name} is empty (0 bytes): it holds no CIFAR-10 images.',
  'problem.data.batch.tooLarge':
    '{name} is {size} bytes, larger than any CIFAR-10 batch file ({max} bytes = {images} images) — it is not a CIFAR-10 binary batch. If it is an archive, load it as cifar-10-binary.tar.gz.',
  'problem.data.batch.otherFormat':
    '{name} is {what}, not a CIFAR-10 binary batch. Load the files of the official binary release (cifar-10-binary.tar.gz, or the data_batch_N.bin / test_batch.bin files inside it).',
  'problem.data.batch.cifar100Hint':
    ' Its size fits 3,074-byte records, as in the CIFAR-100 binary release (2 label bytes per image); this app needs CIFAR-10.',
  'problem.data.batch.notWholeRecords':
    '{name} is {size} bytes, which is not a whole number of CIFAR-10 records (3,073 bytes each) — it may be truncated or not a CIFAR-10 binary file.{hint}',
  'problem.data.batch.badLabel':
    '{name} is not CIFAR-10: record {record} has label {label}; CIFAR-10 labels are 0–9.{hint}',
  'problem.data.batch.badName':
    '{name}: the app cannot tell which batch this is from its name — name the training batches data_batch_1.bin … data_batch_5.bin and the test batch test_batch.bin, as in the official release.',
  'problem.data.archive.notGzip': 'Could not unpack {name}: the archive is damaged or not gzip.',
  'problem.data.archive.empty': '{name} is empty (0 bytes).',
  'problem.data.archive.tooLarge':
    '{name} is {size} bytes, far larger than the official cifar-10-binary.tar.gz (about 170 MB): it is not the CIFAR-10 binary release.',
  'problem.data.archive.notTar': 'Could not unpack {name}: it is not a tar archive{itIs}.',
  'problem.data.archive.gzipNotTar':
    'Could not unpack {name}: it unzips, but what is inside is not a tar archive{itIs}.',
  'problem.data.archive.itIs': ' (it is {what})',
  'problem.data.archive.holds': 'it holds {list}',
  'problem.data.archive.holdsNothing': 'it is empty',
  'problem.data.archive.noBatch':
    '{name} holds no CIFAR-10 batch (data_batch_1.bin … data_batch_5.bin, test_batch.bin); {holds}.',
  'problem.data.archive.noBatchPython':
    '{name} holds no CIFAR-10 batch (data_batch_1.bin … data_batch_5.bin, test_batch.bin); {holds}. That is the Python version of CIFAR-10: this app needs the binary version, cifar-10-binary.tar.gz.',
  'problem.data.file.notCifar':
    '{name} is not a CIFAR-10 file this app can load: choose the official binary batches (data_batch_1.bin … data_batch_5.bin, test_batch.bin) or the archive cifar-10-binary.tar.gz.',
  'problem.data.file.notCifarKnown':
    '{name} is {what}, and is not a CIFAR-10 file this app can load: choose the official binary batches (data_batch_1.bin … data_batch_5.bin, test_batch.bin) or the archive cifar-10-binary.tar.gz.',
  'problem.data.noFiles': 'No files were chosen.',
  'problem.data.batchTwice': '{batch} was given twice ({first} and {second}): give each batch once.',
  'problem.data.noTrain':
    'No training data: add at least one data_batch_N.bin (or the whole cifar-10-binary.tar.gz).',
  'problem.data.noTest': 'No test data: add test_batch.bin (or the whole cifar-10-binary.tar.gz).',
  'problem.data.notReady': 'The data is not loaded yet: wait until it is ready.',
  'problem.data.busyTraining': 'A run is training: stop it before loading other data.',
  'problem.data.builtinFailed': 'The built-in CIFAR-10 could not be loaded: {cause}',
  'problem.data.builtin.fetchFailed': 'fetching {file} failed: {detail}',
  'problem.data.builtin.fetchHttp': 'fetching {file} failed: HTTP {status} for {url}',
  'problem.data.builtin.manifestFormat':
    'The built-in CIFAR-10 manifest is not in a format this app version understands.',
  'problem.data.builtin.manifestPart': 'The built-in CIFAR-10 manifest describes {file} inconsistently.',
  'problem.data.builtin.manifestCounts': 'The built-in CIFAR-10 manifest counts do not add up.',
  'problem.data.builtin.noImageDecoder':
    'This browser has no ImageDecoder (WebCodecs) to decode the built-in images.',
  'problem.data.builtin.notI420': 'ImageDecoder gave {file} as {format}, not planar 4:2:0 (I420).',
  'problem.data.builtin.wrongSize': 'The built-in {file} is {width}×{height}, not {wantWidth}×{wantHeight}.',
  'problem.data.builtin.noCanvas': 'This browser cannot read pixels from an OffscreenCanvas in a Worker.',
  'problem.data.builtin.decodeFailed': 'decoding {file} failed: {detail}',
  'problem.data.builtin.labels': 'The built-in CIFAR-10 labels file is damaged.',
  'problem.data.source.builtin':
    'Built-in: {provenance} Training images split into five batches of 10,000 with seed {seed}, 1,000 per class in each.',
  'problem.data.source.official':
    'CIFAR-10 from the official binary release, as you loaded it. Training: {train}. Test: {test}.',
  'problem.data.source.mixed': 'Training images: {train}. Test images: {test}.',
  'problem.data.origin.builtin':
    'the built-in CIFAR-10 (a JPEG quality-75 re-encode of the official images; pixels differ slightly from the official release)',
  'problem.data.origin.officialBefore': 'official binary files loaded before',
  'problem.data.origin.before': 'the data loaded before',
  'problem.data.origin.yourBatch': 'your file {files} ({images}, batch {numbers})',
  'problem.data.origin.yourBatches': 'your files {files} ({images}, batches {numbers})',
  'problem.data.origin.yourTest': 'your file {file} ({images})',
  'problem.data.origin.oneImage': '{n} image',
  'problem.data.origin.images': '{n} images',
  'problem.data.progress.manifest': 'manifest loaded',
  'problem.data.progress.decoded': '{file} decoded',
  'problem.image.empty': 'The file is empty.',
  'problem.image.tooLarge': 'The file is {mb} MB: images up to {maxMb} MB are accepted.',
  'problem.image.noPixels': 'The image has no pixels.',
  'problem.image.tooManyPixels': 'The image is {width}×{height} pixels: up to {max}×{max} is accepted.',
  'problem.image.pdf': 'This is a PDF document, not a picture. Export the page as PNG or JPEG and drop that.',
  'problem.image.svg': 'SVG drawings are not supported: save it as PNG or JPEG and drop that.',
  'problem.image.damaged':
    'This {format} file is damaged or incomplete: the browser could not decode its pixels.',
  'problem.image.notImage': 'This file is not an image the browser can read (PNG, JPEG, WebP, GIF or BMP).',
  'problem.image.noCanvas': 'This browser cannot draw images in a Worker (no OffscreenCanvas 2D).',
  'problem.image.unreadable':
    'This picture could not be read: try another file, or save it again as PNG or JPEG.',
  'problem.file.unreadable':
    'The browser could not read the file: it was moved, changed or deleted after you picked it. Pick it again.',
  'problem.data.file.unreadable':
    'These files could not be read as CIFAR-10 batches: pick data_batch_N.bin, test_batch.bin or cifar-10-binary.tar.gz.',
  'problem.inspect.noConv': 'This model has no convolution layer.',
  'problem.inspect.noTestImage': 'That test image does not exist.',
  'problem.model.pickBoth': 'Pick both files of a saved model: the model.json and its .bin weights file.',
  'problem.model.jsonTooLarge': 'That model.json is too large to be a saved AlexNet Lab model.',
  'problem.model.busyTraining': 'A run is training: stop it before loading a saved model.',
  'problem.model.notJson': 'model.json is not valid JSON: the file is damaged or is not a model.',
  'problem.model.notOurs':
    'This model.json was not saved by AlexNet Lab (no alexnet-lab format or weights manifest).',
  'problem.model.noConfig':
    'The model.json has no usable configuration: the file is damaged or from another version.',
  'problem.model.notFloat32': 'The weights manifest lists weights that are not float32.',
  'problem.model.weightsSize':
    'The weights file has {bytes} bytes but model.json describes {expected}: pick the .bin saved with this model.json.',
  'problem.model.arrayCount':
    'The file holds {count} weight arrays, this architecture needs {need}: it comes from another configuration.',
  'problem.model.missingArray': 'The file has no {name}: it comes from another architecture.',
  'problem.model.shapeMismatch':
    '{name} is {shape} in the file but {want} in this architecture: the shapes do not match.',
  'problem.model.badManifest':
    'The weights manifest in model.json is damaged: it does not list float32 weight arrays by name and shape.',
  'problem.model.badMeta': 'The model.json has an impossible {field}: the file is damaged or was edited.',
  'problem.model.nonFinite':
    '{name} holds values that are not numbers (NaN or infinite): the weights are damaged, or training diverged before saving.',
  'problem.pretrained.missing': '{file} could not be fetched ({status}).',
  'problem.pretrained.network': 'a network error',
  'problem.pretrained.badManifest': 'its manifest, pretrained.json, is damaged ({field}).',
  'problem.pretrained.mismatch': 'its manifest does not describe its weights file (the {field} differs).',
  'problem.model.unreadable':
    'These files could not be read as a saved model: pick the model.json and .bin that AlexNet Lab saved together.',
  'problem.run.otherData':
    'The interrupted run trained on other data than is loaded now: load the same data to resume it.',
  'problem.run.checkpointGone': 'The interrupted run can no longer be found: start a new one.',
  'problem.run.nothingToContinue':
    'There is no model of this configuration to continue: load one or train first.',
  'problem.run.stopped': 'Stopped.',
  'problem.train.noImages': 'No training images are selected: tick at least one batch.',
  'problem.train.checkpointMismatch': 'The saved checkpoint does not fit this model: it cannot be resumed.',
  'problem.guard.nonFiniteWeights':
    'Training stopped at step {step}: the weights of {layer} were not numbers (NaN or infinite) before that step.',
  'problem.guard.nonFiniteActivation':
    'Training stopped at step {step}: the output of {layer} became NaN or infinite in the forward pass.',
  'problem.guard.nonFiniteGradient':
    'Training stopped at step {step}: the gradient of {layer} became NaN or infinite in the backward pass.',
  'problem.guard.nonFiniteLoss': 'Training stopped at step {step}: the loss became {loss}.',
  'problem.guard.lossRising':
    'Training stopped: from step {step} on, the loss stayed far above where it started (now {loss}), so the run is diverging. A lower learning rate may help.',
  'problem.guard.lossRisingSettings':
    'Training stopped: from step {step} on, the loss stayed far above where it started (now {loss}). The same step on the CPU gives the same numbers (largest difference {error}), so this GPU is not to blame: the settings diverge. A lower learning rate may help.',
  'problem.guard.lossRisingGpu':
    "Training stopped: from step {step} on, the loss stayed far above where it started (now {loss}), and this GPU computes the run's step differently from the CPU (largest difference {error}): its results are wrong here.",
  'problem.guard.movingToWasm': 'Moving to WebAssembly on the CPU: the run goes on from its last checkpoint.',
  'problem.limits.tooBig':
    'This run was not started: at batch {batch}, {what} needs {size} in one buffer, more than this GPU allows ({cap}). The largest batch that fits is {fits}.',
  'problem.limits.nothingFits':
    'This run was not started: {what} needs {size} in one buffer, more than this GPU allows ({cap}) at any batch size. Choose the AlexNet-CIFAR preset, or train on WebAssembly (add ?backend=wasm to the address).',
  'problem.limits.activation': 'the output of {layer}',
  'problem.limits.weights': 'the weights of {layer}',
  'problem.limits.splitK': "the partial sums of {layer}'s weight gradient",
  'problem.train.failed': 'Training failed: {cause}',
  'problem.train.outOfMemory':
    'Training stopped: the device ran out of memory with batch size {batch}. Lower the batch size (try {smaller}){preset}, then train again. ({detail})',
  'problem.train.outOfMemoryPreset': ' or switch to the AlexNet-CIFAR preset (about 6 % of the memory)',
  'problem.storage.makeRoom':
    "To make room, delete runs you no longer need in the Lab, or clear this site's data in the browser's settings.",
  'problem.storage.checkpointFull':
    "This browser's storage for this site is full, so the run's checkpoint could not be saved: a reload now would lose this run's progress (training goes on). {makeRoom}",
  'problem.storage.checkpointFailed':
    "The run's checkpoint could not be saved ({cause}): a reload would lose it. Free some disk space for this site to keep checkpoints.",
  'problem.storage.runsFull':
    "This browser's storage for this site is full, so runs cannot be saved: they stay until the page is closed. Export them to keep them. {makeRoom}",
  'problem.storage.runsFailed':
    'Runs cannot be saved in this browser ({detail}); they stay until the page is closed. Export them to keep them.',
  'problem.storage.runsClosed':
    "Saved runs were closed: this site's data was cleared, or another tab updated AlexNet Lab. Changes from now on are not saved: export the runs you want to keep, then reload the page.",
  'problem.storage.runBusy':
    'That run is training in another tab: only that tab may change it. Rename, pin or delete it there, or once it has finished.',
  'problem.storage.checkpointBusy':
    'That interrupted run is being resumed in another tab: it can train in one tab at a time.',
  'problem.device.lostSaid': '{said}',
  'problem.device.lostUnknown': 'the device was lost',
  'problem.device.webglLost': 'the WebGL context was lost',
  'problem.device.noneToLose': 'No GPU device to lose on this backend.',
  'problem.device.movedToWasm':
    'The GPU was lost ({reason}). Training moved to WebAssembly on the CPU; the run stopped — if an epoch had finished, resume it below. Reload the page to try the GPU again.',
  'problem.backend.noWebGpu': 'WebGPU is not available in this browser',
  'problem.backend.noAdapter': 'no WebGPU adapter',
  'problem.backend.softwareAdapter':
    'the only WebGPU adapter is software ({adapter}), far slower than WebAssembly on the CPU',
  'problem.backend.gpuDidNotStart': 'WebGPU did not start on {adapter}',
  'problem.backend.fromUrl': 'chosen in the URL (?backend={name})',
  'problem.backend.hardwareGpu': 'a hardware WebGPU adapter is available: the fastest route',
  'problem.backend.wasm': '{why}; training runs on the CPU with WebAssembly',
  'problem.backend.webgl': '{why}; WebAssembly failed to start, so WebGL is used',
  'problem.backend.cpu': '{why}; no faster backend started — training will be very slow',
  'problem.backend.measured': 'the fastest of the backends measured at start ({guess} was the first guess)',
  'problem.backend.note.didNotStart': 'did not start',
  'problem.backend.note.failed': 'failed while measuring ({detail})',
  'problem.backend.note.software': 'software adapter, not measured',
  'problem.backend.note.unavailable': 'not available',
  // The page's path, first-visit hint and keyboard shortcuts
  stepsNav: 'Steps',
  step_train: 'Train',
  step_inside: 'Look inside',
  step_compare: 'Compare',
  hintTitle: 'New here? Three steps:',
  hintTrain:
    'Train: pick a preset and the innovations on the left, then press Train (or the T key). The loss and accuracy stay at the top of the page.',
  hintInside:
    'Look inside: click a layer in the network picture to see its feature maps, or drop a photo to have it classified.',
  hintCompare:
    "Compare: queue an ablation (one innovation off at a time) and read the paper's claims against your own runs.",
  hintDismiss: 'Got it, hide these steps',
  shortcuts: 'Keys:',
  shortcutTrain: 'train',
  shortcutPause: 'pause',
  shortcutResume: 'resume',
  'problem.url.badView': 'The link asks for a page step "{value}" that does not exist; step 1 is shown.',

  // Network picture
  netTitle: 'The network, layer by layer',
  netHint:
    'Drawn from the layer list: box height grows with the image size, depth with the number of channels. Point at a layer or focus it for its numbers; click it for its feature maps.',
  netFigure: 'The network drawn layer by layer',
  net224Toggle: "Draw it with the paper's stated 224 × 224 input (C1 would give 54.25)",
  net224Note:
    'With 224: {f224}, so the 11×11 stride-4 windows of C1 do not fit the image a whole number of times. With 227: {f227}.',
  netDetailEmpty: 'Point at a layer, or focus one with Tab, to see its parameters and multiply-adds.',
  netOutput: 'output {shape}',
  netParams: '{n} parameters',
  netMacs: '{n} multiply-adds per image',
  netTowers: 'two towers of {half} filters, each seeing half of the input channels',
  netPoolOverlap: '{size}×{size} windows, stride {stride}: neighbouring windows overlap',
  netPoolApart: '{size}×{size} windows, stride {stride}: windows do not overlap',
  netFractional: 'the windows do not fit a whole number of times',
  netClick: 'click or press Enter for its feature maps',
  netKind_input: 'input image',
  netKind_resize: 'bilinear upscale',
  netKind_conv: 'convolution',
  netKind_activation: 'nonlinearity',
  netKind_lrn: 'local response normalisation',
  netKind_maxpool: 'max pooling',
  netKind_flatten: 'flatten',
  netKind_dense: 'fully connected',
  netKind_dropout: 'dropout',
  'problem.selfTest.passed':
    'the GPU self-test passed: our kernels agree with the CPU ({checks} checks, {seconds} s)',
  'problem.selfTest.passedEarlier': 'the GPU self-test passed on an earlier visit ({checks} checks)',
  'problem.selfTest.kernelReplaced':
    'our {kernel} kernel gave wrong results on this GPU (max error {error}); using the standard one',
  'problem.selfTest.stepFailed':
    'a whole training step of the {preset} preset (batch {batch}) still gave wrong results on this GPU (max error {error})',
  'problem.selfTest.noResult': 'no usable result',
  'problem.selfTest.busy': 'The GPU can be checked again once the run has ended.',
  'problem.selfTest.noGpu': 'No GPU was checked, so there is nothing to check again.',
} as const;

/** The texts the page starts with. */
export type StartMessages = { [K in keyof typeof en]: string };
/** Every text, the lab's (en.lab.ts, loaded with its panel) included. */
export type Messages = StartMessages & LabMessages;

export default {
  displayName: 'processing',
  preset: '../../jest.preset.js',
  rootDir: '.',
};

export default {
  displayName: 'digitisation',
  preset: '../../jest.preset.js',
  rootDir: '.',
};

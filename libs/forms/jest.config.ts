export default {
  displayName: 'forms',
  preset: '../../jest.preset.js',
  rootDir: '.',
};

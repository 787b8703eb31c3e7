export default {
  displayName: 'ops',
  preset: '../../jest.preset.js',
  rootDir: '.',
};

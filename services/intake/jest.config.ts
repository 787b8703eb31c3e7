export default {
  displayName: 'intake',
  preset: '../../jest.preset.js',
  rootDir: '.',
};

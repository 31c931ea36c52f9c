const { task, src, dest } = require('gulp');

// tsc compiles the TypeScript; the node and credential icons are copied next to the compiled files.
task('build:icons', copyIcons);

function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

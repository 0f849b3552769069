/** Portable stories in Vitest: the same project annotations Storybook uses, minus the browser's MSW worker. */
import { setProjectAnnotations } from '@storybook/react-vite';
import { annotations } from '../../.storybook/annotations';

setProjectAnnotations(annotations);

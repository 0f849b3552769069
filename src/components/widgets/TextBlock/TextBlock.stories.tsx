import type { Meta, StoryObj } from '@storybook/react-vite';
import { PHONE_360 } from '../../../../stories/support/argTypes';
import { LONG_LABELS, RTL_LABELS } from '../../../../stories/support/variants';
import { TextBlockView } from './TextBlockView';

interface Args {
  heading: string;
  body: string;
  narrow: boolean;
}

const meta = {
  title: 'Widgets/text',
  args: {
    heading: 'About these statistics',
    body: 'Views and downloads follow the COUNTER Code of Practice: robots are excluded and repeated clicks within 30 seconds count once.\nFigures are updated every night.',
    narrow: false,
  },
  render: (args) => (
    <div style={{ maxWidth: args.narrow ? 360 : 720 }}>
      <TextBlockView heading={args.heading || undefined} body={args.body} />
    </div>
  ),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const HeadingAndBody: Story = {};
export const BodyOnly: Story = { args: { heading: '' } };
export const LongText: Story = { args: { heading: LONG_LABELS[0]!, body: LONG_LABELS.join('\n') } };
export const RtlText: Story = { name: 'RTL text', args: { heading: RTL_LABELS[0]!, body: RTL_LABELS.join('\n') } };
export const TinyScreen: Story = { args: { narrow: true }, globals: PHONE_360 };

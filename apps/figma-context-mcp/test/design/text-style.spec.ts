import { simplifyTextStyle } from '../../src/design/text-style';

describe('simplifyTextStyle', () => {
  it('keeps what differs from the CSS default, in CSS terms', () => {
    expect(
      simplifyTextStyle({
        fontFamily: 'Inter',
        fontWeight: 700,
        fontSize: 32,
        italic: true,
        lineHeightPx: 40.0001,
        lineHeightUnit: 'PIXELS',
        letterSpacing: -0.64,
        textAlignHorizontal: 'CENTER',
        textAlignVertical: 'TOP',
        textCase: 'UPPER',
        textDecoration: 'UNDERLINE',
        paragraphSpacing: 0,
      }),
    ).toEqual({
      fontFamily: 'Inter',
      fontWeight: 700,
      fontSize: 32,
      fontStyle: 'italic',
      lineHeight: '40px',
      letterSpacing: -0.64,
      textAlign: 'center',
      textTransform: 'uppercase',
      textDecoration: 'underline',
    });
  });

  it('line height: percent of font size stays relative; Figma "auto" is left to CSS normal', () => {
    expect(simplifyTextStyle({ lineHeightUnit: 'FONT_SIZE_%', lineHeightPercentFontSize: 150, lineHeightPx: 24 })?.lineHeight).toBe('150%');
    expect(simplifyTextStyle({ lineHeightUnit: 'INTRINSIC_%', lineHeightPx: 19.36 })?.lineHeight).toBeUndefined();
  });

  it('no style → undefined', () => {
    expect(simplifyTextStyle(undefined)).toBeUndefined();
  });
});

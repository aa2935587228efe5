import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CUSTOMER_KEYS,
  CustomerInput,
  validateCustomer,
  type CustomerRules,
} from '../../shared/customer.js';

const minimal = { email: 'ana@example.com', firstName: 'Ana', lastName: 'Lopez' };
// The rules of the wire example's cart.
const canyon: CustomerRules = {
  requiredCustomerFields: ['email', 'firstName', 'lastName', 'phone'],
  customFields: [
    { name: 'Wetsuit Size', type: 'list', required: true, options: ['XS', 'S', 'M', 'L', 'XL'] },
    { name: 'Diet', type: 'checkbox', required: false, options: ['Vegan', 'Nut-free'] },
    { name: 'Arrival Flight Number', type: 'text', required: false },
  ],
};

function fieldsOf(input: unknown, rules?: CustomerRules): Record<string, string> {
  const result = validateCustomer(input, rules);
  assert.equal(result.ok, false, 'expected the customer to be refused');
  return result.ok ? {} : result.fields;
}

function customerOf(input: unknown, rules?: CustomerRules) {
  const result = validateCustomer(input, rules);
  assert.ok(result.ok, `expected the customer to pass: ${JSON.stringify(result)}`);
  return result.customer;
}

describe('validateCustomer', () => {
  it('knows the documented keys as CustomerInput names them', () => {
    assert.deepEqual([...CUSTOMER_KEYS].sort(), Object.keys(CustomerInput.shape).sort());
  });

  it('accepts the three required fields, trimmed', () => {
    assert.deepEqual(
      customerOf({ email: ' ana@example.com ', firstName: ' Ana', lastName: 'Lopez ' }),
      minimal,
    );
  });

  it('names each missing required field with what to do', () => {
    assert.deepEqual(fieldsOf({}), {
      email: 'Enter an email address like name@example.com',
      firstName: 'Enter a first name',
      lastName: 'Enter a last name',
    });
    assert.deepEqual(fieldsOf({ ...minimal, firstName: '   ' }), {
      firstName: 'Enter a first name',
    });
  });

  it('refuses an email without a domain', () => {
    assert.match(
      fieldsOf({ ...minimal, email: 'ana@example' })['email'] ?? '',
      /name@example\.com/,
    );
  });

  it('refuses something that is not an object', () => {
    assert.ok(fieldsOf(null)['customer'], "expected fieldsOf(null)['customer']");
    assert.ok(fieldsOf('ana')['customer'], "expected fieldsOf('ana')['customer']");
  });

  it('refuses a documented field that is not text', () => {
    assert.ok(
      fieldsOf({ ...minimal, city: 42 })['city'],
      "expected fieldsOf({ ...minimal, city: 42 })['city']",
    );
  });

  it('ignores nulls and empty optional fields', () => {
    assert.deepEqual(customerOf({ ...minimal, title: null, city: '', phone: '' }), minimal);
  });

  it('with announcedOnly, names a key that is neither documented nor a custom field', () => {
    const strict = { ...canyon, announcedOnly: true };
    const input = { ...minimal, phone: '5551234567', 'Wetsuit Size': ['M'], city: 'Page' };
    assert.deepEqual(fieldsOf({ ...input, internalComment: 'VIP, no charge' }, strict), {
      internalComment: 'internalComment is not a customer field of this checkout',
    });
    assert.equal(customerOf(input, strict)['city'], 'Page');
    // Without it, an account's field the cart did not announce still goes through.
    assert.equal(customerOf({ ...input, 'Hotel Room': '12' }, canyon)['Hotel Room'], '12');
  });

  describe('phone', () => {
    it('stores the documented pair and drops phoneNumber', () => {
      const customer = customerOf({ ...minimal, phoneNumber: '+44 20 7946 0958' });
      assert.equal(customer.dialCode, '+44');
      assert.equal(customer.phone, '2079460958');
      assert.equal('phoneNumber' in customer, false);
    });
    it('assumes US when neither dial code nor prefix is given', () => {
      const customer = customerOf({ ...minimal, phone: '555-123-4567' });
      assert.deepEqual([customer.dialCode, customer.phone], ['+1', '5551234567']);
    });
    it('keys a bad number by the field the form used', () => {
      assert.match(fieldsOf({ ...minimal, phone: '123' })['phone'] ?? '', /10-digit/);
      assert.ok(
        fieldsOf({ ...minimal, phoneNumber: '123' })['phoneNumber'],
        "expected fieldsOf({ ...minimal, phoneNumber: '123' })['phoneNumber']",
      );
    });
    it('is required when the account says so', () => {
      assert.deepEqual(fieldsOf(minimal, { requiredCustomerFields: ['phone'] }), {
        phone: 'Enter a phone number',
      });
    });
  });

  describe('state and country', () => {
    it('upper-cases them', () => {
      const customer = customerOf({ ...minimal, state: 'ut', country: 'usa' });
      assert.deepEqual([customer.state, customer.country], ['UT', 'USA']);
    });
    it('wants 2 letters for a US state', () => {
      assert.match(
        fieldsOf({ ...minimal, state: 'Utah', country: 'USA' })['state'] ?? '',
        /2-letter/,
      );
    });
    it('takes any state text outside the USA', () => {
      assert.equal(customerOf({ ...minimal, state: 'Ontario', country: 'CAN' }).state, 'ONTARIO');
    });
    it('wants a 3-letter country code', () => {
      assert.match(fieldsOf({ ...minimal, country: 'US' })['country'] ?? '', /3-letter/);
    });
  });

  describe('birthDate and gender', () => {
    it('accepts a real YYYY-MM-DD date', () => {
      assert.equal(customerOf({ ...minimal, birthDate: '1980-11-30' }).birthDate, '1980-11-30');
      assert.equal(customerOf({ ...minimal, birthDate: '2000-02-29' }).birthDate, '2000-02-29');
    });
    it('refuses dates that do not exist or are written otherwise', () => {
      for (const birthDate of ['2023-02-29', '1980-13-01', '11/30/1980', '1980-1-3'])
        assert.match(
          fieldsOf({ ...minimal, birthDate })['birthDate'] ?? '',
          /YYYY-MM-DD/,
          birthDate,
        );
    });
    it('takes MALE or FEMALE in any case', () => {
      assert.equal(customerOf({ ...minimal, gender: 'female' }).gender, 'FEMALE');
      assert.ok(
        fieldsOf({ ...minimal, gender: 'other' })['gender'],
        "expected fieldsOf({ ...minimal, gender: 'other' })['gender']",
      );
    });
  });

  describe('custom fields', () => {
    const full = { ...minimal, phone: '5551234567', 'Wetsuit Size': ['M'] };
    it('accepts text, checkbox and list values', () => {
      const customer = customerOf(
        { ...full, Diet: ['Vegan', 'Nut-free'], 'Arrival Flight Number': ' AA875 ' },
        canyon,
      );
      assert.deepEqual(customer['Wetsuit Size'], ['M']);
      assert.deepEqual(customer['Diet'], ['Vegan', 'Nut-free']);
      assert.equal(customer['Arrival Flight Number'], 'AA875');
    });
    it('requires a required field, named by its own name', () => {
      const { 'Wetsuit Size': _omitted, ...without } = full;
      assert.deepEqual(fieldsOf(without, canyon), {
        'Wetsuit Size': 'Choose one option for Wetsuit Size',
      });
      assert.ok(
        fieldsOf({ ...full, 'Wetsuit Size': [] }, canyon)['Wetsuit Size'],
        "expected fieldsOf({ ...full, 'Wetsuit Size': [] }, canyon)['Wetsuit Size']",
      );
    });
    it('wants a list as an array of exactly one option', () => {
      assert.ok(
        fieldsOf({ ...full, 'Wetsuit Size': 'M' }, canyon)['Wetsuit Size'],
        "expected fieldsOf({ ...full, 'Wetsuit Size': 'M' }, canyon)['Wetsuit Size']",
      );
      assert.match(
        fieldsOf({ ...full, 'Wetsuit Size': ['M', 'L'] }, canyon)['Wetsuit Size'] ?? '',
        /only one/,
      );
      assert.match(
        fieldsOf({ ...full, 'Wetsuit Size': ['XXL'] }, canyon)['Wetsuit Size'] ?? '',
        /XS, S, M, L, XL/,
      );
    });
    it('wants checkbox values among the options', () => {
      assert.ok(
        fieldsOf({ ...full, Diet: ['Keto'] }, canyon)['Diet'],
        "expected fieldsOf({ ...full, Diet: ['Keto'] }, canyon)['Diet']",
      );
      assert.ok(
        fieldsOf({ ...full, Diet: [1] }, canyon)['Diet'],
        "expected fieldsOf({ ...full, Diet: [1] }, canyon)['Diet']",
      );
    });
    it('wants text as a string', () => {
      assert.ok(
        fieldsOf({ ...full, 'Arrival Flight Number': ['AA875'] }, canyon)['Arrival Flight Number'],
      );
    });
    it('keeps extra keys the cart did not announce', () => {
      const customer = customerOf({ ...minimal, 'Hotel Name': ' Lodge ', Extras: ['a'] });
      assert.equal(customer['Hotel Name'], 'Lodge');
      assert.deepEqual(customer['Extras'], ['a']);
    });
  });

  it('reports every problem at once', () => {
    const fields = fieldsOf({ email: 'x', firstName: 'A', lastName: 'B', country: 'U' }, canyon);
    assert.deepEqual(Object.keys(fields).sort(), ['Wetsuit Size', 'country', 'email', 'phone']);
  });
});

describe('CustomerInput', () => {
  it('parses the documented body and keeps custom keys', () => {
    const body = {
      ...minimal,
      phone: '5551234567',
      gender: 'MALE',
      'Arrival Flight Number': 'AA875',
    };
    assert.deepEqual(CustomerInput.parse(body), body);
  });
  it('refuses a body without the required names', () => {
    assert.equal(CustomerInput.safeParse({ email: 'ana@example.com' }).success, false);
  });
});
